-- Undoing a postponement (issue 17): the row keeps its history (who put it
-- aside, when, why) and records who took it back and when. An undone
-- postponement no longer hides the worklist row.
ALTER TYPE "AuditAction" ADD VALUE 'WORKLIST_POSTPONEMENT_UNDONE';

ALTER TABLE "WorklistPostponement" ADD COLUMN "undoneAt" TIMESTAMPTZ(3),
  ADD COLUMN "undoneById" TEXT;

ALTER TABLE "WorklistPostponement" ADD CONSTRAINT "WorklistPostponement_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- both set together or neither
ALTER TABLE "WorklistPostponement" ADD CONSTRAINT "WorklistPostponement_undone_together" CHECK (("undoneAt" IS NULL) = ("undoneById" IS NULL));
