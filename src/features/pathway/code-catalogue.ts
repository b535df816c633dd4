import { DECISION_OUTCOMES, DEFAULT_CODE_BOOK, type CodeBook, type EventDefinition, type ExpectedCode, type OutcomeDefinition, type PathwayType } from "@/domain/rules";

// The codes a form may offer for one pathway type, from the rules engine's one
// table of letters and outcomes. Plain data, so it can be passed to the client.

export interface CatalogueCode {
  letter: string;
  label: string;
  confirmed: boolean;
  requiresOutcome: boolean;
  /** the outcomes to pick from (decision outcomes, or suggested activities for U) */
  outcomes: { code: string; label: string }[];
  /** any 1–3 letters or digits are accepted besides the listed ones (no official list) */
  freeOutcome: boolean;
  /** the outcome list is official; false shows it as our local reading */
  outcomesConfirmed: boolean;
}

export type SuggestedCode = ExpectedCode;

/** `book`: the code lists in force (the rule tables on the day the form is shown). */
export function codeCatalogue(type: PathwayType, book: CodeBook = DEFAULT_CODE_BOOK): CatalogueCode[] {
  const decisionOutcomes = Object.entries(DECISION_OUTCOMES as Record<string, OutcomeDefinition>)
    .filter(([, o]) => !o.pathwayTypes || o.pathwayTypes.includes(type))
    .map(([code, o]) => ({ code, label: o.label }));
  return Object.entries(book as Record<string, EventDefinition>)
    .filter(([, d]) => !d.pathwayTypes || d.pathwayTypes.includes(type))
    .map(([letter, d]) => {
      const list = d.outcomes;
      const listed = list === "decision" ? decisionOutcomes : list ? [...(list.values ?? list.suggestions ?? [])] : [];
      return {
        letter,
        label: d.label,
        confirmed: d.confirmed,
        requiresOutcome: d.requiresOutcome,
        outcomes: listed.map((o) => ({ code: o.code, label: o.label })),
        freeOutcome: list !== null && list !== "decision" && list.values === null,
        outcomesConfirmed: list === "decision" || (list?.confirmed ?? true),
      };
    });
}
