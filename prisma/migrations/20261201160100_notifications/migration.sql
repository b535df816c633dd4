-- Varsler and the daily e-mail digest (issue 20): per-user settings, read
-- marks, and one delivery row per user and Oslo day (the unique key keeps
-- several processes or machines from sending twice). Notifications themselves
-- are read from the derived worklist rows, and the indexes below keep the
-- header count one indexed statement.
ALTER TABLE "Pathway" ADD COLUMN "responsibleAssignedAt" TIMESTAMPTZ(3);
CREATE INDEX "Pathway_coordinatorId_status_idx" ON "Pathway"("coordinatorId", "status");
CREATE INDEX "PathwayNotice_recordedById_idx" ON "PathwayNotice"("recordedById");

CREATE TABLE "NotificationSettings" (
    "userId" TEXT NOT NULL,
    "digestEnabled" BOOLEAN NOT NULL DEFAULT false,
    "digestTime" VARCHAR(5) NOT NULL DEFAULT '07:30',
    "digestKinds" TEXT[] DEFAULT ARRAY['DEADLINE', 'ASSIGNED', 'NOTICE', 'REFERRAL', 'LEGAL_DEADLINE']::TEXT[],
    "horizonDays" INTEGER NOT NULL DEFAULT 7,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "NotificationRead" (
    "userId" TEXT NOT NULL,
    "pathwayId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotificationRead_pkey" PRIMARY KEY ("userId", "pathwayId", "itemKey", "dueOn")
);

CREATE TYPE "DigestStatus" AS ENUM ('SENDING', 'RETRY', 'SENT', 'FAILED', 'EMPTY');

CREATE TABLE "DigestDelivery" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" "DigestStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DigestDelivery_userId_day_key" ON "DigestDelivery"("userId", "day");
CREATE INDEX "DigestDelivery_status_nextAttemptAt_idx" ON "DigestDelivery"("status", "nextAttemptAt");
