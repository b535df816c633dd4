import { ACTIVITY_VALUES, DECISION_OUTCOMES, EVENT_DEFINITIONS, type DecisionOutcome, type EventLetter, type PathwayType } from "./codes";
import type { Phase } from "./labels";
import type { ExpectedCode } from "./types";

// What a clinician should be offered next, most likely first, per phase.
// Decisions are offered with their outcome (one click for "CU", "CP" ...);
// after a treatment decision, the involvement activities (U with BP, IB, TV).
const NEXT_BY_PHASE: Record<Phase, string[]> = {
  awaiting_start: ["A"],
  awaiting_first_attendance: ["M", "L"],
  basis_assessment: ["CU", "CN", "CP", "CT", "CK", "CI", "CS", "CA", "L"],
  extended_assessment: ["CP", "CT", "CK", "CI", "CS", "CA", "L"],
  treatment: ["F", "E", "UBP", "UIB", "UTV", "L", "X"],
  awaiting_closure: ["F", "H", "X"],
  closed: [],
};

/** Types whose treatment is TSB: offer T before P. */
const TSB_TYPES: readonly PathwayType[] = ["D01", "D09"];

// Built once per (phase, type, feedback sent); callers get their own copies.
const cache = new Map<Phase, Map<PathwayType, [ExpectedCode[]?, ExpectedCode[]?]>>();

/** `feedbackSent`: an F was registered after the last decision (C). */
export function expectedCodes(phase: Phase, type: PathwayType, feedbackSent: boolean): ExpectedCode[] {
  let byType = cache.get(phase);
  if (!byType) cache.set(phase, (byType = new Map()));
  let pair = byType.get(type);
  if (!pair) byType.set(type, (pair = []));
  const slot = feedbackSent ? 1 : 0;
  const codes = (pair[slot] ??= build(phase, type, feedbackSent));
  const copies: ExpectedCode[] = [];
  for (const c of codes) copies.push(c.outcome === undefined ? { code: c.code, label: c.label } : { code: c.code, outcome: c.outcome, label: c.label });
  return copies;
}

function build(phase: Phase, type: PathwayType, feedbackSent: boolean): ExpectedCode[] {
  let codes = NEXT_BY_PHASE[phase];
  if (TSB_TYPES.includes(type)) codes = [...codes].sort((a, b) => (a === "CT" ? -1 : b === "CT" ? 1 : 0));
  // Feedback to the referrer is expected once after each decision.
  return codes
    .filter((code) => !(code === "F" && feedbackSent))
    .map((code): ExpectedCode | null => {
      const letter = code[0] as EventLetter;
      if (letter === "U") {
        const activity = ACTIVITY_VALUES.find((a) => a.code === code.slice(1));
        return activity ? { code: letter, outcome: activity.code, label: `${EVENT_DEFINITIONS.U.label}: ${activity.label.toLowerCase()}` } : null;
      }
      const outcome = code.length > 1 ? (code.slice(1) as DecisionOutcome) : undefined;
      const o = outcome ? DECISION_OUTCOMES[outcome] : undefined;
      if (o && o.pathwayTypes && !(o.pathwayTypes as readonly string[]).includes(type)) return null;
      const label = o ? `${EVENT_DEFINITIONS.C.label}: ${o.label.replace(/^Behov for /, "").replace(/^Ikke/, "ikke")}` : EVENT_DEFINITIONS[letter].label;
      return outcome ? { code: letter, outcome, label } : { code: letter, label };
    })
    .filter((x): x is ExpectedCode => x !== null);
}

/**
 * The code just registered is not offered first again: after saving F (or E,
 * or an activity) the next step leads the list, and the same code moves to
 * its end, still one click away. `last`: the pathway's latest valid event.
 */
export function withJustRegisteredLast(codes: ExpectedCode[], last: { letter: string; outcome: string | null } | null): ExpectedCode[] {
  if (last === null || codes.length < 2) return codes;
  const isLast = (c: ExpectedCode) => c.code === last.letter && (c.outcome ?? null) === last.outcome;
  if (!isLast(codes[0])) return codes;
  return [...codes.filter((c) => !isLast(c)), ...codes.filter(isLast)];
}
