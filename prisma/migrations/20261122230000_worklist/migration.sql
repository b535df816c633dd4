-- CreateEnum
CREATE TYPE "WorklistReason" AS ENUM ('DEADLINE', 'REFERRAL_NOT_ASSESSED', 'NO_FIRST_ATTENDANCE', 'FEEDBACK_MISSING', 'OUTCOME_NOT_CLOSED', 'NOTICE_UNEXPLAINED', 'INACTIVE', 'CONCURRENT');

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'WORKLIST_POSTPONED';

-- CreateTable
CREATE TABLE "WorklistItem" (
    "id" TEXT NOT NULL,
    "pathwayId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "type" "PathwayType" NOT NULL,
    "setting" "CareSetting" NOT NULL,
    "responsibleClinicianId" TEXT,
    "reason" "WorklistReason" NOT NULL,
    "key" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "sinceOn" DATE,
    "deadlineKind" TEXT,
    "noticeId" TEXT,
    "eventId" TEXT,
    "outcome" VARCHAR(2),
    "postponedUntil" DATE,

    CONSTRAINT "WorklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwayDeadline" (
    "id" TEXT NOT NULL,
    "pathwayId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "type" "PathwayType" NOT NULL,
    "kind" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "due" DATE NOT NULL,
    "completedOn" DATE,
    "met" BOOLEAN,
    "daysLate" INTEGER NOT NULL DEFAULT 0,
    "cause" TEXT,
    "decidedOn" DATE,

    CONSTRAINT "PathwayDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwayNotice" (
    "id" TEXT NOT NULL,
    "pathwayId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "type" "PathwayType" NOT NULL,
    "noticeId" TEXT NOT NULL,
    "noticeKey" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "eventId" TEXT,
    "recordedById" TEXT,

    CONSTRAINT "PathwayNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeExplanation" (
    "id" TEXT NOT NULL,
    "pathwayId" TEXT NOT NULL,
    "noticeKey" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "explainedById" TEXT NOT NULL,
    "explainedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeExplanation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorklistPostponement" (
    "id" TEXT NOT NULL,
    "pathwayId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "until" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorklistPostponement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorklistItem_unitId_dueOn_id_idx" ON "WorklistItem"("unitId", "dueOn", "id");

-- CreateIndex
CREATE INDEX "WorklistItem_unitId_reason_dueOn_id_idx" ON "WorklistItem"("unitId", "reason", "dueOn", "id");

-- CreateIndex
CREATE INDEX "WorklistItem_responsibleClinicianId_dueOn_idx" ON "WorklistItem"("responsibleClinicianId", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "WorklistItem_pathwayId_key_key" ON "WorklistItem"("pathwayId", "key");

-- CreateIndex
CREATE INDEX "PathwayDeadline_unitId_kind_decidedOn_idx" ON "PathwayDeadline"("unitId", "kind", "decidedOn");

-- CreateIndex
CREATE INDEX "PathwayDeadline_pathwayId_idx" ON "PathwayDeadline"("pathwayId");

-- CreateIndex
CREATE INDEX "PathwayNotice_unitId_date_idx" ON "PathwayNotice"("unitId", "date");

-- CreateIndex
CREATE INDEX "PathwayNotice_pathwayId_idx" ON "PathwayNotice"("pathwayId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeExplanation_pathwayId_noticeKey_key" ON "NoticeExplanation"("pathwayId", "noticeKey");

-- CreateIndex
CREATE INDEX "WorklistPostponement_pathwayId_itemKey_createdAt_idx" ON "WorklistPostponement"("pathwayId", "itemKey", "createdAt");

-- AddForeignKey
ALTER TABLE "WorklistItem" ADD CONSTRAINT "WorklistItem_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayDeadline" ADD CONSTRAINT "PathwayDeadline_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayNotice" ADD CONSTRAINT "PathwayNotice_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeExplanation" ADD CONSTRAINT "NoticeExplanation_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeExplanation" ADD CONSTRAINT "NoticeExplanation_explainedById_fkey" FOREIGN KEY ("explainedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorklistPostponement" ADD CONSTRAINT "WorklistPostponement_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorklistPostponement" ADD CONSTRAINT "WorklistPostponement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

