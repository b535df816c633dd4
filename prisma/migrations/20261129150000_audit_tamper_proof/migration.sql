-- The audit log and the coded events cannot be altered, whatever role writes.
--  * AuditEvent: no UPDATE, DELETE or TRUNCATE (statement triggers, so even a
--    statement that matches no row is refused).
--  * PathwayEvent: no DELETE or TRUNCATE, and an UPDATE only adds the
--    annulment: annulledAt, annulledById and annulReason go from all null to
--    all set in one update, and never change after. A CHECK keeps inserts to
--    all or none of the three (NOT VALID: rows from before are not rescanned,
--    the trigger has frozen them).
--  * Foreign keys from both tables never rewrite a row: deleting or renaming a
--    referenced user, pathway or event is refused (they were ON DELETE SET
--    NULL and ON UPDATE CASCADE).
-- Triggers bind only the table's owner: the app connects as a role that owns
-- nothing (see scripts/lib/db-roles.mjs), so it cannot drop or disable them.
-- The two functions below pin search_path (pg_temp last) so a session cannot
-- shadow an operator they use.
-- See the append-only migration for the E'' / \073 convention (the runner
-- splits statements on semicolons).

CREATE OR REPLACE FUNCTION forlopsvakt_refuse_change() RETURNS trigger AS
E'
BEGIN
  RAISE EXCEPTION ''% rows are append-only: % is refused'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''restrict_violation''\073
END
' LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_refuse_change();

CREATE TRIGGER "PathwayEvent_no_truncate"
  BEFORE TRUNCATE ON "PathwayEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_refuse_change();

CREATE OR REPLACE FUNCTION forlopsvakt_event_append_only() RETURNS trigger AS
E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    RAISE EXCEPTION ''PathwayEvent rows are append-only and cannot be deleted'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  IF OLD."annulledAt" IS NOT NULL OR OLD."annulledById" IS NOT NULL OR OLD."annulReason" IS NOT NULL THEN
    RAISE EXCEPTION ''PathwayEvent rows are append-only: an annulment is never changed'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  IF NEW."annulledAt" IS NULL OR NEW."annulledById" IS NULL OR NEW."annulReason" IS NULL THEN
    RAISE EXCEPTION ''PathwayEvent rows are append-only: an update only annuls, with annulledAt, annulledById and annulReason together'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  IF NEW."id" IS DISTINCT FROM OLD."id"
     OR NEW."pathwayId" IS DISTINCT FROM OLD."pathwayId"
     OR NEW."unitId" IS DISTINCT FROM OLD."unitId"
     OR NEW."code" IS DISTINCT FROM OLD."code"
     OR NEW."outcome" IS DISTINCT FROM OLD."outcome"
     OR NEW."activityCode" IS DISTINCT FROM OLD."activityCode"
     OR NEW."clinicalDate" IS DISTINCT FROM OLD."clinicalDate"
     OR NEW."recordedAt" IS DISTINCT FROM OLD."recordedAt"
     OR NEW."recordedById" IS DISTINCT FROM OLD."recordedById"
     OR NEW."justification" IS DISTINCT FROM OLD."justification"
     OR NEW."idempotencyKey" IS DISTINCT FROM OLD."idempotencyKey"
     OR NEW."replacesId" IS DISTINCT FROM OLD."replacesId" THEN
    RAISE EXCEPTION ''PathwayEvent rows are append-only: only an annulment may be added, once'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  RETURN NEW\073
END
' LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp;

-- The event's unit from the pathway, the table named with its schema: a
-- session's temporary table "Pathway" (searched first for unqualified names)
-- could otherwise hand an event another unit. (Qualified rather than a pinned
-- search_path, which made bulk inserts about a quarter slower.)
CREATE OR REPLACE FUNCTION forlopsvakt_event_unit() RETURNS trigger AS
E'
BEGIN
  SELECT "unitId" INTO NEW."unitId" FROM public."Pathway" WHERE "id" = NEW."pathwayId"\073
  RETURN NEW\073
END
' LANGUAGE plpgsql;

ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_annulment_whole"
  CHECK (("annulledAt" IS NULL) = ("annulledById" IS NULL) AND ("annulledAt" IS NULL) = ("annulReason" IS NULL)) NOT VALID;

-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_pathwayId_fkey";
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_userId_fkey";
ALTER TABLE "PathwayEvent" DROP CONSTRAINT "PathwayEvent_annulledById_fkey";
ALTER TABLE "PathwayEvent" DROP CONSTRAINT "PathwayEvent_pathwayId_fkey";
ALTER TABLE "PathwayEvent" DROP CONSTRAINT "PathwayEvent_recordedById_fkey";
ALTER TABLE "PathwayEvent" DROP CONSTRAINT "PathwayEvent_replacesId_fkey";

-- AddForeignKey
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_annulledById_fkey" FOREIGN KEY ("annulledById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "PathwayEvent"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
