-- Reports read a unit's events for a period. The unit is copied onto each
-- event on insert (a pathway never changes unit) by a trigger, so that no
-- writer can forget it. The runner splits on semicolons: see the
-- append-only migration for the E'' / \073 convention.
ALTER TABLE "PathwayEvent" ADD COLUMN "unitId" TEXT;

ALTER TABLE "PathwayEvent" DISABLE TRIGGER "PathwayEvent_append_only";
UPDATE "PathwayEvent" e SET "unitId" = p."unitId" FROM "Pathway" p WHERE p."id" = e."pathwayId";
ALTER TABLE "PathwayEvent" ENABLE TRIGGER "PathwayEvent_append_only";

CREATE OR REPLACE FUNCTION forlopsvakt_event_unit() RETURNS trigger AS
E'
BEGIN
  IF NEW."unitId" IS NULL THEN
    SELECT "unitId" INTO NEW."unitId" FROM "Pathway" WHERE "id" = NEW."pathwayId"\073
  END IF\073
  RETURN NEW\073
END
' LANGUAGE plpgsql;

CREATE TRIGGER "PathwayEvent_unit"
  BEFORE INSERT ON "PathwayEvent"
  FOR EACH ROW EXECUTE FUNCTION forlopsvakt_event_unit();

-- CreateIndex
CREATE INDEX "PathwayEvent_unitId_clinicalDate_idx" ON "PathwayEvent"("unitId", "clinicalDate");

-- CreateIndex
CREATE INDEX "PathwayEvent_unitId_code_clinicalDate_idx" ON "PathwayEvent"("unitId", "code", "clinicalDate");
