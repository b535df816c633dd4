-- Single sign-on (issue 18). A user without a password hash logs in by single
-- sign-on only. The OpenID provider's issuer and subject (`sub`) are stored at
-- the first single sign-on, which matches by e-mail, and later ones match on them,
-- so a changed e-mail at the provider does not lock the user out.
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;
ALTER TABLE "User" ADD COLUMN "oidcIssuer" TEXT;
ALTER TABLE "User" ADD COLUMN "oidcSubject" TEXT;
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");
