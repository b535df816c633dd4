-- The worklist page shows this month's compliance (basis assessment, first
-- evaluation) on every view, counted from the derived deadline rows of the unit.
-- With met and type in the index that count is an index-only scan (largest unit
-- of 400 000 generated pathways: 25 ms warm and 90 ms cold -> under 2 ms).
-- Prisma's schema cannot state INCLUDE columns, so the key columns stay those of
-- @@index([unitId, kind, decidedOn]).
-- (No semicolons in these comments: the migration engine splits on them.)
DROP INDEX "PathwayDeadline_unitId_kind_decidedOn_idx";
CREATE INDEX "PathwayDeadline_unitId_kind_decidedOn_idx" ON "PathwayDeadline"("unitId", "kind", "decidedOn") INCLUDE ("met", "type");
