import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import { DECISION_OUTCOMES, DEFAULT_CODE_BOOK, parseCode, PHASE_LABELS, type CodeBook, type DecisionOutcome, type PathwayType, type Phase } from "@/domain/rules";

// How one of the patient's earlier pathways ended, in one line for the pathway
// page ("Avsluttet 25.10.2025 etter klinisk beslutning K – …"), so that a
// re-referral is seen at once.

export interface EarlierPathway {
  closedOn: IsoDate | null;
  phase: string | null;
  type: PathwayType;
  events: readonly { code: string; outcome: string | null; date: IsoDate; annulled: boolean }[];
}

export function pathwayEnding(p: EarlierPathway, book: CodeBook = DEFAULT_CODE_BOOK): string {
  let decision: string | null = null;
  for (const e of p.events) {
    if (e.annulled) continue;
    const parsed = parseCode(e.code, e.outcome, p.type, book);
    if (parsed.ok && parsed.letter === "C" && parsed.outcome) decision = parsed.outcome;
  }
  const label = decision && Object.prototype.hasOwnProperty.call(DECISION_OUTCOMES, decision) ? DECISION_OUTCOMES[decision as DecisionOutcome].label : null;
  const after = decision ? ` etter klinisk beslutning ${decision}${label ? ` – ${label.charAt(0).toLowerCase()}${label.slice(1)}` : ""}` : " uten klinisk beslutning";
  if (p.closedOn) return `Avsluttet ${formatNorwegianDate(p.closedOn)}${after}`;
  const phase = p.phase && Object.prototype.hasOwnProperty.call(PHASE_LABELS, p.phase) ? PHASE_LABELS[p.phase as Phase].toLowerCase() : null;
  return `Åpent${phase ? ` (${phase})` : ""}`;
}
