// The outcomes of a referral assessment (vurdering av henvisning). (a) and (b)
// keep the patient with the service and may start a pakkeforløp; (c)–(e)
// close the referral and need a reason.

export const REFERRAL_DECISIONS = ["RIGHT", "NEED_NO_RIGHT", "NO_NEED", "FORWARDED", "RETURNED"] as const;
export type ReferralDecision = (typeof REFERRAL_DECISIONS)[number];

/** As the API spells them (lower snake case). */
export const API_DECISIONS = { right: "RIGHT", need_no_right: "NEED_NO_RIGHT", no_need: "NO_NEED", forwarded: "FORWARDED", returned: "RETURNED" } as const satisfies Record<string, ReferralDecision>;
export type ApiDecision = keyof typeof API_DECISIONS;
export const apiDecisionOf = (d: ReferralDecision): ApiDecision =>
  (Object.keys(API_DECISIONS) as ApiDecision[]).find((k) => API_DECISIONS[k] === d)!;

export const DECISION_LABELS: Record<ReferralDecision, string> = {
  RIGHT: "Rett til nødvendig helsehjelp",
  NEED_NO_RIGHT: "Behov for helsehjelp uten rett",
  NO_NEED: "Ikke behov / avslått",
  FORWARDED: "Videresendt til annen instans",
  RETURNED: "Returnert til henviser",
};

/** Decisions that close the referral: no pathway, a reason is required. */
export function closesReferral(d: ReferralDecision): boolean {
  return d === "NO_NEED" || d === "FORWARDED" || d === "RETURNED";
}

export const REFERRAL_STATUSES = ["unassessed", "assessed", "closed"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  unassessed: "Ikke vurdert",
  assessed: "Vurdert",
  closed: "Avsluttet",
};

export function statusOf(decision: ReferralDecision | null, assessed: boolean): ReferralStatus {
  if (!assessed) return "unassessed";
  return decision && closesReferral(decision) ? "closed" : "assessed";
}
