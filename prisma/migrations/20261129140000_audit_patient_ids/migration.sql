-- Lists audit the patients they showed: one row per request with the patient
-- ids in an array, found by a GIN index ("who has seen patient X" reads both
-- this array and the single patientId column). A request for a record outside
-- the user's units is audited as ACCESS_DENIED.
-- Only additions: no audit row is rewritten (a constant default adds the
-- column without touching the rows).
ALTER TYPE "AuditAction" ADD VALUE 'ACCESS_DENIED';

ALTER TABLE "AuditEvent" ADD COLUMN "patientIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE INDEX "AuditEvent_patientIds_idx" ON "AuditEvent" USING GIN ("patientIds");
