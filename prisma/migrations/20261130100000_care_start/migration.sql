-- Juridisk frist (legal deadline) as a deadline of the rules engine (issue 16).

-- Set at the referral assessment for a patient with a right to necessary care.
-- IF NOT EXISTS: the referral register (same issue, another branch) writes this column.
ALTER TABLE "Referral" ADD COLUMN IF NOT EXISTS "legalDeadline" DATE;

-- Worklist reasons for the legal deadline, ranked above the advisory norms:
-- the grouped worklist orders by the enum's sort order.
ALTER TYPE "WorklistReason" ADD VALUE IF NOT EXISTS 'LEGAL_DEADLINE_BREACHED' BEFORE 'DEADLINE';
ALTER TYPE "WorklistReason" ADD VALUE IF NOT EXISTS 'LEGAL_DEADLINE' BEFORE 'DEADLINE';
