-- Import from the patient record system (issue 19). A pathway keeps the EPJ's
-- key (pathway_id) as its external id, unique per unit, and an event keeps its
-- key in the extract (event_id, or date|letter|outcome). ImportJob holds each
-- import's progress and result, and one running import per unit at a time.
ALTER TABLE "Pathway" ADD COLUMN "externalId" TEXT;
CREATE UNIQUE INDEX "Pathway_unitId_externalId_key" ON "Pathway"("unitId", "externalId");

ALTER TABLE "PathwayEvent" ADD COLUMN "externalId" TEXT;
CREATE INDEX "PathwayEvent_pathwayId_externalId_idx" ON "PathwayEvent"("pathwayId", "externalId");

CREATE TYPE "ImportJobStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'RUNNING',
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "pathwaysTotal" INTEGER NOT NULL DEFAULT 0,
    "pathwaysDone" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ImportJob_unitId_createdAt_idx" ON "ImportJob"("unitId", "createdAt");
-- two imports into one unit never interleave: the second finds this row and is refused
CREATE UNIQUE INDEX "ImportJob_one_running_per_unit" ON "ImportJob"("unitId") WHERE "status" = 'RUNNING';
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
