-- Lookups of a national id and the explicit link of an existing patient to a new pathway are audited.
ALTER TYPE "AuditAction" ADD VALUE 'PATIENT_LOOKUP';
ALTER TYPE "AuditAction" ADD VALUE 'PATIENT_LINKED';

-- The name a unit typed when it differs from the registered name of a patient it could not see before.
ALTER TABLE "Pathway" ADD COLUMN "recordedPatientName" TEXT;
