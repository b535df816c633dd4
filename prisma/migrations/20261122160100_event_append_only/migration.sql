-- Coded events are append-only (an event is never updated or deleted): the
-- only change allowed is adding an annulment (who, when, why), once.
-- The migration runner splits statements on every semicolon, so the body is an
-- E'' string with each semicolon written as \073.
CREATE OR REPLACE FUNCTION forlopsvakt_event_append_only() RETURNS trigger AS
E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    RAISE EXCEPTION ''PathwayEvent rows are append-only and cannot be deleted'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  IF OLD."annulledAt" IS NOT NULL
     OR NEW."id" IS DISTINCT FROM OLD."id"
     OR NEW."pathwayId" IS DISTINCT FROM OLD."pathwayId"
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
' LANGUAGE plpgsql;

CREATE TRIGGER "PathwayEvent_append_only"
  BEFORE UPDATE OR DELETE ON "PathwayEvent"
  FOR EACH ROW EXECUTE FUNCTION forlopsvakt_event_append_only();
