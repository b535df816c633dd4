-- Counts of the worklist's rows per unit, reason, type, setting, due date and
-- postponement, kept by triggers on "WorklistItem" in the transaction of every
-- write that changes its rows (registration, annulment, postponement,
-- explanation, assignment, import, the recompute, referral intake), so the
-- worklist summary sums a few hundred rows instead of counting the unit's items.
-- The rows are deltas: each statement on "WorklistItem" appends one row per key
-- whose count it changed (never an update of a shared row, so concurrent
-- registrations neither wait for nor deadlock on each other), and the sum of
-- "n" over a key is the number of items with that key.
-- Dates that have passed are folded: a due date or postponement before
-- "WorklistCountFold"."before" is stored as -infinity, which the summary counts
-- exactly like any past date (overdue, within every horizon, not postponed),
-- so it is right as long as "before" is not after the day it counts for (it
-- falls back to counting the items otherwise). forlopsvakt_worklist_count_fold
-- moves "before" forward and merges the deltas (see worklist/counts.ts).
-- The E'' / \073 convention: see the append-only migration (the runner splits
-- statements on semicolons).
CREATE TABLE "WorklistCount" (
  "id" BIGSERIAL NOT NULL,
  "unitId" TEXT NOT NULL,
  "reason" "WorklistReason" NOT NULL,
  "type" "PathwayType" NOT NULL,
  "setting" "CareSetting" NOT NULL,
  "dueOn" DATE NOT NULL,
  "postponedUntil" DATE NOT NULL,
  "n" INTEGER NOT NULL,
  CONSTRAINT "WorklistCount_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "WorklistCount_unitId_dueOn_idx" ON "WorklistCount" ("unitId", "dueOn");

CREATE TABLE "WorklistCountFold" (
  "id" INTEGER NOT NULL DEFAULT 1,
  "before" DATE NOT NULL,
  CONSTRAINT "WorklistCountFold_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "WorklistCountFold_one_row" CHECK ("id" = 1)
);

INSERT INTO "WorklistCountFold" ("id", "before") VALUES (1, '-infinity');

CREATE OR REPLACE FUNCTION forlopsvakt_worklist_count() RETURNS trigger AS
E'
DECLARE
  cut date := COALESCE((SELECT "before" FROM "WorklistCountFold" WHERE "id" = 1), ''-infinity''::date)\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "WorklistCount" ("unitId", "reason", "type", "setting", "dueOn", "postponedUntil", "n")
    SELECT "unitId", "reason", "type", "setting",
      CASE WHEN "dueOn" >= cut THEN "dueOn" ELSE ''-infinity''::date END,
      CASE WHEN "postponedUntil" >= cut THEN "postponedUntil" ELSE ''-infinity''::date END, count(*)
    FROM new_items GROUP BY 1, 2, 3, 4, 5, 6\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "WorklistCount" ("unitId", "reason", "type", "setting", "dueOn", "postponedUntil", "n")
    SELECT "unitId", "reason", "type", "setting",
      CASE WHEN "dueOn" >= cut THEN "dueOn" ELSE ''-infinity''::date END,
      CASE WHEN "postponedUntil" >= cut THEN "postponedUntil" ELSE ''-infinity''::date END, -count(*)
    FROM old_items GROUP BY 1, 2, 3, 4, 5, 6\073
  ELSE
    INSERT INTO "WorklistCount" ("unitId", "reason", "type", "setting", "dueOn", "postponedUntil", "n")
    SELECT "unitId", "reason", "type", "setting",
      CASE WHEN "dueOn" >= cut THEN "dueOn" ELSE ''-infinity''::date END,
      CASE WHEN "postponedUntil" >= cut THEN "postponedUntil" ELSE ''-infinity''::date END, sum(d)
    FROM (SELECT *, 1 AS d FROM new_items UNION ALL SELECT *, -1 AS d FROM old_items) changed
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d) <> 0\073
  END IF\073
  RETURN NULL\073
END
' LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION forlopsvakt_worklist_count_truncate() RETURNS trigger AS
E'
BEGIN
  DELETE FROM "WorklistCount"\073
  RETURN NULL\073
END
' LANGUAGE plpgsql;

CREATE TRIGGER "WorklistItem_count_insert" AFTER INSERT ON "WorklistItem"
  REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_worklist_count();
CREATE TRIGGER "WorklistItem_count_update" AFTER UPDATE ON "WorklistItem"
  REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_worklist_count();
CREATE TRIGGER "WorklistItem_count_delete" AFTER DELETE ON "WorklistItem"
  REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_worklist_count();
CREATE TRIGGER "WorklistItem_count_truncate" AFTER TRUNCATE ON "WorklistItem"
  FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_worklist_count_truncate();

-- Moves the fold forward to `day` (never back) and merges the deltas into one
-- row per key: only the keys with more than one row or an unfolded past date
-- are rewritten (a fold every few minutes leaves few dead rows). Safe beside
-- writers: they only append, and rows they add after this statement's
-- snapshot are left as they are (a delta with an unfolded past date counts the
-- same as its folded key). Two folds at once take turns on the fold row.
-- Without that row nothing is folded (the triggers then store dates as they
-- are) and the summary counts the items.
CREATE OR REPLACE FUNCTION forlopsvakt_worklist_count_fold(day date) RETURNS void AS
E'
DECLARE
  cut date\073
BEGIN
  UPDATE "WorklistCountFold" SET "before" = GREATEST("before", day) WHERE "id" = 1 RETURNING "before" INTO cut\073
  IF cut IS NULL THEN
    RETURN\073
  END IF\073
  WITH mapped AS (
    SELECT c."id", c."unitId", c."reason", c."type", c."setting",
      CASE WHEN c."dueOn" >= cut THEN c."dueOn" ELSE ''-infinity''::date END AS "dueOn",
      CASE WHEN c."postponedUntil" >= cut THEN c."postponedUntil" ELSE ''-infinity''::date END AS "postponedUntil",
      c."dueOn" <> ''-infinity''::date AND c."dueOn" < cut OR c."postponedUntil" <> ''-infinity''::date AND c."postponedUntil" < cut AS "unfolded"
    FROM "WorklistCount" c
  ),
  merged AS (
    SELECT *, count(*) OVER (PARTITION BY "unitId", "reason", "type", "setting", "dueOn", "postponedUntil") AS "rows" FROM mapped
  ),
  gone AS (
    DELETE FROM "WorklistCount" c USING merged m WHERE c."id" = m."id" AND (m."rows" > 1 OR m."unfolded")
    RETURNING m."unitId", m."reason", m."type", m."setting", m."dueOn", m."postponedUntil", c."n"
  )
  INSERT INTO "WorklistCount" ("unitId", "reason", "type", "setting", "dueOn", "postponedUntil", "n")
  SELECT "unitId", "reason", "type", "setting", "dueOn", "postponedUntil", sum("n")
  FROM gone GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum("n") <> 0\073
END
' LANGUAGE plpgsql;

-- backfill, unfolded (the migration does not know the app's day: the server's
-- next check folds, see jobs/nightly.ts)
INSERT INTO "WorklistCount" ("unitId", "reason", "type", "setting", "dueOn", "postponedUntil", "n")
SELECT "unitId", "reason", "type", "setting", "dueOn", COALESCE("postponedUntil", '-infinity'), count(*)
FROM "WorklistItem" GROUP BY 1, 2, 3, 4, 5, 6;
