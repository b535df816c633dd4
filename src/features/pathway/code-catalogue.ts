import { DECISION_OUTCOMES, EVENT_DEFINITIONS, type EventDefinition, type ExpectedCode, type OutcomeDefinition, type PathwayType } from "@/domain/rules";

// The codes a form may offer for one pathway type, from the rules engine's one
// table of letters and outcomes. Plain data, so it can be passed to the client.

export interface CatalogueCode {
  letter: string;
  label: string;
  confirmed: boolean;
  requiresOutcome: boolean;
  requiresActivityCode: boolean;
  outcomes: { code: string; label: string }[];
}

export type SuggestedCode = ExpectedCode;

export function codeCatalogue(type: PathwayType): CatalogueCode[] {
  const outcomes = Object.entries(DECISION_OUTCOMES as Record<string, OutcomeDefinition>)
    .filter(([, o]) => !o.pathwayTypes || o.pathwayTypes.includes(type))
    .map(([code, o]) => ({ code, label: o.label }));
  return Object.entries(EVENT_DEFINITIONS as Record<string, EventDefinition>)
    .filter(([, d]) => !d.pathwayTypes || d.pathwayTypes.includes(type))
    .map(([letter, d]) => ({
      letter,
      label: d.label,
      confirmed: d.confirmed,
      requiresOutcome: d.requiresOutcome,
      requiresActivityCode: d.requiresActivityCode,
      outcomes: d.requiresOutcome ? outcomes.filter((o) => !d.outcomes || d.outcomes.includes(o.code)) : [],
    }));
}
