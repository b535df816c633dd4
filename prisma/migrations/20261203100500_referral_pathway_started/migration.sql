-- "Referral"."pathwayStarted": a pathway of the referral has a phase other than
-- awaiting_start (the second half of UNASSESSED in referrals/scope.ts, kept as
-- a column so the worklist's count of overdue unassessed referrals reads only
-- the truly unassessed ones from one partial index: in the largest unit of
-- 400 000 generated pathways ~400 referrals have no assessment date and nearly
-- all of them a started pathway, each probed in "Pathway" on every view).
-- Phase NULL (not derived yet) is not started, as Prisma's NOT phase = ... had it.
-- Kept by statement triggers on "Pathway" in the transaction of every write
-- that changes whether a pathway counts as started (insert, phase, referralId,
-- delete, truncate). Other updates find no such pathway and touch no referral.
-- Locks: the referrals concerned are locked in id order after the statement's
-- pathway rows, and only then are their pathways read again (a new snapshot),
-- so of two transactions changing pathways of one referral the later one
-- recomputes from what the earlier committed. Every writer takes pathway rows
-- before the referral row (lockReferral locks the referral's pathways first).
-- Run with the writer's rights: the app role may update "Referral".
-- The E'' / \073 convention: see the append-only migration (the runner splits
-- statements on semicolons).
ALTER TABLE "Referral" ADD COLUMN "pathwayStarted" BOOLEAN NOT NULL DEFAULT false;

CREATE OR REPLACE FUNCTION forlopsvakt_referral_pathway_started() RETURNS trigger AS
E'
DECLARE
  ids text[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(DISTINCT "referralId") INTO ids FROM new_rows WHERE "phase" <> ''awaiting_start''\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(DISTINCT "referralId") INTO ids FROM old_rows WHERE "phase" <> ''awaiting_start''\073
  ELSE
    SELECT array_agg(DISTINCT r) INTO ids
    FROM old_rows o JOIN new_rows n ON n."id" = o."id",
      LATERAL unnest(ARRAY[o."referralId", n."referralId"]) r
    WHERE COALESCE(o."phase" <> ''awaiting_start'', false) <> COALESCE(n."phase" <> ''awaiting_start'', false)
      OR (o."referralId" IS DISTINCT FROM n."referralId" AND (o."phase" <> ''awaiting_start'' OR n."phase" <> ''awaiting_start''))\073
  END IF\073
  IF ids IS NULL THEN
    RETURN NULL\073
  END IF\073
  PERFORM 1 FROM "Referral" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE\073
  UPDATE "Referral" r SET "pathwayStarted" = s."started"
  FROM (
    SELECT x."id", EXISTS (SELECT 1 FROM "Pathway" p WHERE p."referralId" = x."id" AND p."phase" <> ''awaiting_start'') AS "started"
    FROM "Referral" x WHERE x."id" = ANY(ids)
  ) s
  WHERE r."id" = s."id" AND r."pathwayStarted" <> s."started"\073
  RETURN NULL\073
END
' LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION forlopsvakt_referral_pathway_started_truncate() RETURNS trigger AS
E'
BEGIN
  UPDATE "Referral" SET "pathwayStarted" = false WHERE "pathwayStarted"\073
  RETURN NULL\073
END
' LANGUAGE plpgsql;

CREATE TRIGGER "Pathway_started_insert" AFTER INSERT ON "Pathway"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_referral_pathway_started();
CREATE TRIGGER "Pathway_started_update" AFTER UPDATE ON "Pathway"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_referral_pathway_started();
CREATE TRIGGER "Pathway_started_delete" AFTER DELETE ON "Pathway"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_referral_pathway_started();
CREATE TRIGGER "Pathway_started_truncate" AFTER TRUNCATE ON "Pathway"
  FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_referral_pathway_started_truncate();

-- backfill
UPDATE "Referral" r SET "pathwayStarted" = true
WHERE EXISTS (SELECT 1 FROM "Pathway" p WHERE p."referralId" = r."id" AND p."phase" <> 'awaiting_start');

-- UNASSESSED exactly: the count of overdue unassessed referrals and the
-- referral list's first part read this index and nothing else
DROP INDEX IF EXISTS "Referral_unassessed_unitId_receivedDate_idx";
CREATE INDEX "Referral_unassessed_unitId_receivedDate_idx" ON "Referral"("unitId", "receivedDate") INCLUDE ("id")
  WHERE "assessedDate" IS NULL AND NOT "pathwayStarted";

-- the backfill rewrote most referral rows: fresh statistics for the planner
-- (autovacuum is off on the development machine, run VACUUM "Referral" there)
ANALYZE "Referral";
