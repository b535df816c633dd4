-- Import from the patient record system (issue 19): one audit row per import.
ALTER TYPE "AuditAction" ADD VALUE 'EPJ_IMPORTED';
