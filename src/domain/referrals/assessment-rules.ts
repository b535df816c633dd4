import type { IsoDate } from "@/lib/dates";
import { closesReferral, type ReferralDecision } from "./decisions";

// The rules an assessment (or its correction) must keep, apart from field
// formats: dates in order, a legal deadline exactly when a right is granted, a
// reason when the referral is closed, a pathway only for a patient the unit
// keeps. Pure: the caller gives the receipt date and today.

export interface AssessmentFields {
  assessedDate: IsoDate;
  decision: ReferralDecision;
  legalDeadline: IsoDate | null;
  reason: string | null;
  startsPathway: boolean;
}

export function assessmentProblems(a: AssessmentFields, receivedDate: IsoDate, today: IsoDate): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  if (a.assessedDate > today) add("assessedDate", "Vurderingsdatoen kan ikke være i fremtiden.");
  if (a.assessedDate < receivedDate) add("assessedDate", "Vurderingsdatoen kan ikke være før henvisningen ble mottatt.");
  if (a.decision === "RIGHT") {
    if (!a.legalDeadline) add("legalDeadline", "Skriv inn juridisk frist: pasienten har rett til nødvendig helsehjelp.");
    else if (a.legalDeadline <= a.assessedDate) add("legalDeadline", "Den juridiske fristen må være etter vurderingsdatoen.");
  } else if (a.legalDeadline) {
    add("legalDeadline", "Juridisk frist settes bare når pasienten har rett til nødvendig helsehjelp.");
  }
  if (closesReferral(a.decision)) {
    if (!a.reason) add("reason", "Skriv en begrunnelse: beslutningen avslutter henvisningen.");
    if (a.startsPathway) add("pathway", "Et pakkeforløp startes bare når pasienten skal ha helsehjelp her.");
  }
  return problems;
}
