-- Audit-log review (issue 18): the review itself leaves rows. A search of the
-- log (with the patient searched for in patientId), the printable access
-- report of one patient, and the list of patterns worth a look.
ALTER TYPE "AuditAction" ADD VALUE 'AUDIT_SEARCHED';
ALTER TYPE "AuditAction" ADD VALUE 'ACCESS_REPORT_VIEWED';
ALTER TYPE "AuditAction" ADD VALUE 'AUDIT_PATTERNS_VIEWED';
