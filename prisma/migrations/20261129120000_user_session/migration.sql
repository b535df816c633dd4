-- Server-side sessions: the session cookie carries the id of a row here, and
-- every request checks that row (not revoked, not idle, not too old), so a
-- logout or a deactivation ends the session at once on every server.
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Deactivating a user revokes every session of the user, whoever does it (a
-- future admin page, SQL by hand), so that reactivating the user later does
-- not bring old cookies back to life. The body is an E'' string with each
-- semicolon written as \073 (the migration runner splits on semicolons). The
-- table is named with its schema: a temporary table of that name must not
-- take its place.
CREATE OR REPLACE FUNCTION forlopsvakt_revoke_sessions_of_deactivated_user() RETURNS trigger AS
E'
BEGIN
  UPDATE public."UserSession" SET "revokedAt" = now() WHERE "userId" = NEW."id" AND "revokedAt" IS NULL\073
  RETURN NULL\073
END
' LANGUAGE plpgsql;

CREATE TRIGGER "User_deactivation_revokes_sessions"
  AFTER UPDATE OF "active" ON "User"
  FOR EACH ROW WHEN (OLD."active" AND NOT NEW."active")
  EXECUTE FUNCTION forlopsvakt_revoke_sessions_of_deactivated_user();
