import type { IsoDate } from "@/lib/dates";
import { formatNorwegianDate } from "@/lib/dates";
import { DEFAULT_CODE_BOOK, parseCode, type CodeBook, type PathwayType, type Phase } from "@/domain/rules";

// Things a clinician should look at twice before saving a code, shown in the
// code form's preview. They are cautions, not refusals and not NPR notices: the
// code can still be saved, and no justification is asked for.

export type CautionId = "CLOSING_DURING_ASSESSMENT" | "SECOND_START" | "SAME_CODE_SAME_DAY";

export interface Caution {
  id: CautionId;
  message: string;
}

export interface StoredCode {
  code: string;
  outcome: string | null;
  date: IsoDate;
  annulled: boolean;
}

/**
 * `phase`: the pathway's phase before the new code; `events`: its stored
 * events (annulled ones are ignored); `added`: the code about to be saved.
 */
export function registrationCautions(
  phase: Phase,
  type: PathwayType,
  events: readonly StoredCode[],
  added: { letter: string; outcome: string | null; date: IsoDate },
  book: CodeBook = DEFAULT_CODE_BOOK,
): Caution[] {
  const cautions: Caution[] = [];
  const live = events.filter((e) => !e.annulled).map((e) => ({ ...e, parsed: parseCode(e.code, e.outcome, type, book) }));
  if (added.letter === "X" && (phase === "basis_assessment" || phase === "extended_assessment")) {
    const which = phase === "basis_assessment" ? "basisutredning" : "utvidet utredning";
    cautions.push({
      id: "CLOSING_DURING_ASSESSMENT",
      message: `Forløpet er midt i en ${which} og har ingen avsluttende klinisk beslutning. Kontroller at forløpet skal avsluttes nå.`,
    });
  }
  if (added.letter === "A") {
    const start = live.find((e) => e.parsed.ok && e.parsed.letter === "A");
    if (start) {
      cautions.push({
        id: "SECOND_START",
        message: `Forløpet har allerede start pakkeforløp (A) ${formatNorwegianDate(start.date)}. En ny henvisning skal normalt ha et nytt forløp.`,
      });
    }
  }
  const same = live.find((e) => e.date === added.date && e.parsed.ok && e.parsed.letter === added.letter && e.parsed.outcome === added.outcome);
  if (same) {
    const shown = `${added.letter}${added.outcome ?? ""}`;
    cautions.push({
      id: "SAME_CODE_SAME_DAY",
      message: `Koden ${shown} er allerede registrert ${formatNorwegianDate(added.date)}. Kontroller at den ikke registreres to ganger.`,
    });
  }
  return cautions;
}
