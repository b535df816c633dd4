-- The Oslo days for which the recompute of open pathways finished: the
-- nightly job's "done today" (a pathway whose derived data did not change is
-- not rewritten, so its derivedOn keeps the day they were last written).
CREATE TABLE "RecomputeDay" (
  "day" DATE NOT NULL,
  "finishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "RecomputeDay_pkey" PRIMARY KEY ("day")
);
