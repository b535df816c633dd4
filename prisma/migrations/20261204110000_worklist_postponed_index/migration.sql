-- The worklist's Utsatt view lists a unit's rows postponed past today. With no
-- index on the postponement it read every row of the unit (40 000 in the
-- largest generated unit, ~100 ms of PostgreSQL's CPU per view at 20 users).
-- Partial: only postponed rows are in it, so the other rows' writes skip it.
-- (No semicolons in these comments: the migration engine splits on them.)
CREATE INDEX "WorklistItem_postponed_idx" ON "WorklistItem"("unitId", "postponedUntil", "id") WHERE "postponedUntil" IS NOT NULL;
