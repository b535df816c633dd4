-- Three audit actions that no version of the app has ever written
-- (PATIENT_VIEWED, PATHWAY_UPDATED, REFERRAL_CREATED: a pathway page writes
-- PATHWAY_VIEWED, a referral is created with its pathway and audited as
-- PATHWAY_CREATED), so no row can hold them. PostgreSQL cannot drop an enum
-- value: the type is made anew and the column converted. The conversion is
-- ALTER TABLE, not UPDATE, so the append-only trigger is not involved, and it
-- rewrites "AuditEvent" once under an exclusive lock (seconds per million rows).
ALTER TYPE "AuditAction" RENAME TO "AuditAction_old";
CREATE TYPE "AuditAction" AS ENUM (
  'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_RATE_LIMITED', 'LOGOUT',
  'PATIENT_CREATED', 'PATIENT_LOOKUP', 'PATIENT_LINKED', 'PATIENT_LIST_VIEWED',
  'PATHWAY_VIEWED', 'PATHWAY_CREATED', 'PATHWAY_ASSIGNED',
  'EVENT_CREATED', 'EVENT_ANNULLED', 'NOTICE_EXPLAINED',
  'WORKLIST_VIEWED', 'WORKLIST_POSTPONED', 'REPORT_VIEWED', 'EXPORT_DOWNLOADED', 'ACCESS_DENIED'
);
ALTER TABLE "AuditEvent" ALTER COLUMN "action" TYPE "AuditAction" USING "action"::text::"AuditAction";
DROP TYPE "AuditAction_old";
