-- Units get a short code (unique, set by an administrator) and can be
-- deactivated once no pathway of theirs is open.
ALTER TABLE "Unit" ADD COLUMN "code" TEXT;
ALTER TABLE "Unit" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");
