-- Two audit actions that no version of the app has ever written
-- (PATIENT_VIEWED, PATHWAY_UPDATED: a pathway page writes PATHWAY_VIEWED), so no
-- row can hold them. PostgreSQL cannot drop an enum value: the type is made anew
-- from the old one's values without those two (read from the catalogue, so the
-- values other migrations added are kept in their order) and the column
-- converted. The conversion is ALTER TABLE, not UPDATE, so the append-only
-- trigger is not involved, and it rewrites "AuditEvent" once under an exclusive
-- lock (seconds per million rows).
-- The migration runner splits statements on every semicolon, so the block is
-- an E'' string with each semicolon inside written as \073.
DO E'
DECLARE kept text\073
BEGIN
  SELECT string_agg(quote_literal(e.enumlabel), '', '' ORDER BY e.enumsortorder) INTO kept
  FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
  WHERE t.typname = ''AuditAction'' AND e.enumlabel NOT IN (''PATIENT_VIEWED'', ''PATHWAY_UPDATED'')\073
  ALTER TYPE "AuditAction" RENAME TO "AuditAction_old"\073
  EXECUTE format(''CREATE TYPE "AuditAction" AS ENUM (%s)'', kept)\073
END';
ALTER TABLE "AuditEvent" ALTER COLUMN "action" TYPE "AuditAction" USING "action"::text::"AuditAction";
DROP TYPE "AuditAction_old";
