-- An event's unit is its pathway's, always: reports count a unit's events by
-- "PathwayEvent"."unitId". On insert it is now taken from the pathway even when
-- a writer supplies one (before, a supplied value was kept unchecked), and the
-- append-only rule covers it too (before, an UPDATE could move an event to
-- another unit's figures). See the append-only migration for the E'' / \073
-- convention (the runner splits statements on semicolons).
CREATE OR REPLACE FUNCTION forlopsvakt_event_unit() RETURNS trigger AS
E'
BEGIN
  SELECT "unitId" INTO NEW."unitId" FROM "Pathway" WHERE "id" = NEW."pathwayId"\073
  RETURN NEW\073
END
' LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION forlopsvakt_event_append_only() RETURNS trigger AS
E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    RAISE EXCEPTION ''PathwayEvent rows are append-only and cannot be deleted'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  IF OLD."annulledAt" IS NOT NULL
     OR NEW."id" IS DISTINCT FROM OLD."id"
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
' LANGUAGE plpgsql;
