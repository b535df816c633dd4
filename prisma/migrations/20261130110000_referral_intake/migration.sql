-- Referral intake (issue 16): the assessment's decision, the legal deadline
-- (juridisk frist) the rules engine reads, and every assessment and
-- correction as an append-only row.

ALTER TYPE "AuditAction" ADD VALUE 'REFERRAL_LIST_VIEWED';
ALTER TYPE "AuditAction" ADD VALUE 'REFERRAL_VIEWED';
ALTER TYPE "AuditAction" ADD VALUE 'REFERRAL_ASSESSED';
ALTER TYPE "AuditAction" ADD VALUE 'REFERRAL_ASSESSMENT_CORRECTED';

CREATE TYPE "ReferralDecision" AS ENUM ('RIGHT', 'NEED_NO_RIGHT', 'NO_NEED', 'FORWARDED', 'RETURNED');

ALTER TABLE "Referral"
  ADD COLUMN "decision" "ReferralDecision",
  ADD COLUMN IF NOT EXISTS "legalDeadline" DATE, -- care_start (run first) adds it too
  ADD COLUMN "decisionReason" TEXT,
  ADD COLUMN "suggestedType" "PathwayType",
  ADD COLUMN "note" TEXT,
  ADD COLUMN "recordedPatientName" TEXT,
  ADD COLUMN "createdById" TEXT,
  ADD COLUMN "idempotencyKey" TEXT,
  ADD COLUMN "assessedById" TEXT,
  ADD COLUMN "assessedAt" TIMESTAMPTZ(3);

-- referrals assessed before decisions were recorded: what rightToCare said
UPDATE "Referral" SET "decision" = CASE WHEN "rightToCare" THEN 'RIGHT'::"ReferralDecision" ELSE 'NEED_NO_RIGHT'::"ReferralDecision" END
WHERE "assessedDate" IS NOT NULL AND "rightToCare" IS NOT NULL;

CREATE UNIQUE INDEX "Referral_createdById_idempotencyKey_key" ON "Referral"("createdById", "idempotencyKey");

CREATE TABLE "ReferralAssessment" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "assessedDate" DATE NOT NULL,
    "decision" "ReferralDecision" NOT NULL,
    "legalDeadline" DATE,
    "reason" TEXT,
    "pathwayId" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "correctsId" TEXT,
    "correctionReason" TEXT,

    CONSTRAINT "ReferralAssessment_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ReferralAssessment_correctsId_key" ON "ReferralAssessment"("correctsId");
CREATE INDEX "ReferralAssessment_referralId_recordedAt_idx" ON "ReferralAssessment"("referralId", "recordedAt");

ALTER TABLE "ReferralAssessment" ADD CONSTRAINT "ReferralAssessment_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- history is never rewritten (the function is from 20261129150000)
CREATE TRIGGER "ReferralAssessment_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "ReferralAssessment"
  FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_refuse_change();
