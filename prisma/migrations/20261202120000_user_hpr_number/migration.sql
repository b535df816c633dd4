-- The health worker's HPR number, recorded by the administrator: the first
-- HelseID login matches on it (issue 18). Digits only, unique.
ALTER TABLE "User" ADD COLUMN "hprNumber" TEXT;
ALTER TABLE "User" ADD CONSTRAINT "User_hprNumber_digits" CHECK ("hprNumber" ~ '^[0-9]{4,9}$');
CREATE UNIQUE INDEX "User_hprNumber_key" ON "User"("hprNumber");
