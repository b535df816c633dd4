-- The worklist page and Henvisninger count a unit's unassessed referrals past the
-- 10-working-day limit on every view: no assessment date, and no pathway of the
-- referral past its start (src/server/referrals/scope.ts UNASSESSED). Without these
-- the count read every referral of the unit and scanned the whole Pathway table for
-- the anti-join (400 000 generated pathways: 0.5-1 s per view, the page's pool ran dry
-- at 20 users). Prisma's schema cannot state WHERE or INCLUDE, see schema.prisma.
-- (No semicolons in these comments: the migration engine splits on them.)
CREATE INDEX "Pathway_referralId_idx" ON "Pathway"("referralId") INCLUDE ("phase");
CREATE INDEX "Referral_unassessed_unitId_receivedDate_idx" ON "Referral"("unitId", "receivedDate") INCLUDE ("id") WHERE "assessedDate" IS NULL;
