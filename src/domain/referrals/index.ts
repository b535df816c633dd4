export { lastOverdueReceipt, referralDueDate, workingDaysLeft } from "./due-date";
export { API_DECISIONS, apiDecisionOf, closesReferral, DECISION_LABELS, REFERRAL_DECISIONS, REFERRAL_STATUSES, STATUS_LABELS, statusOf } from "./decisions";
export type { ApiDecision, ReferralDecision, ReferralStatus } from "./decisions";
export { assessmentProblems } from "./assessment-rules";
export type { AssessmentFields } from "./assessment-rules";
