import { DEFAULT_WORKLIST_THRESHOLDS } from "@/domain/rules";

// Local worklist rules (not national norms): when a situation becomes an
// action for the forløpskoordinator. The thresholds are a rule table
// (RuleTables.worklist): an administrator adds a version on
// /admin/regeltabeller; these are the built-in ones. The horizon is a filter
// of the list, not a rule.
export const WORKLIST_RULES = {
  ...DEFAULT_WORKLIST_THRESHOLDS,
  /** default horizon for deadlines due soon */
  defaultHorizonDays: 14,
  maxHorizonDays: 365,
} as const;

/**
 * In rank order, as the database enum (the grouped worklist sorts by it): a
 * breach of a patient's right (the legal deadline) before the advisory norms.
 */
export const WORKLIST_REASONS = [
  "LEGAL_DEADLINE_BREACHED",
  "LEGAL_DEADLINE",
  "DEADLINE",
  "REFERRAL_NOT_ASSESSED",
  "NO_FIRST_ATTENDANCE",
  "FEEDBACK_MISSING",
  "OUTCOME_NOT_CLOSED",
  "NOTICE_UNEXPLAINED",
  "INACTIVE",
  "CONCURRENT",
] as const;
export type WorklistReason = (typeof WORKLIST_REASONS)[number];

export const REASON_LABELS: Record<WorklistReason, string> = {
  LEGAL_DEADLINE_BREACHED: "Fristbrudd",
  LEGAL_DEADLINE: "Juridisk frist",
  DEADLINE: "Frist",
  REFERRAL_NOT_ASSESSED: "Henvisning ikke vurdert",
  NO_FIRST_ATTENDANCE: "Startet uten første frammøte",
  FEEDBACK_MISSING: "Tilbakemelding til henviser mangler",
  OUTCOME_NOT_CLOSED: "Beslutning om avslutning, forløpet er åpent",
  NOTICE_UNEXPLAINED: "Uforklart oppmerksomhet",
  INACTIVE: "Ingen aktivitet",
  CONCURRENT: "Samtidige forløp",
};
