import { DEFAULT_CODE_BOOK, invalidForType, parseCode, type CodeBook, type EventDefinition, type PathwayType } from "@/domain/rules";
import type { FieldErrors } from "@/server/errors";
import type { RegisterEventData } from "./schema";

// Hard errors about the code itself (unknown code or outcome, wrong pathway
// type, missing outcome), from the rules engine's one table. Returns the
// normalised letter and outcome when the code is acceptable. U's outcome is
// its activity: a client that sends it as `activityCode` (the field before
// outcomes of U existed) gets it read as the outcome.
export function checkCode(
  data: Pick<RegisterEventData, "code" | "outcome" | "activityCode">,
  pathwayType: PathwayType,
  /** the code lists in force on the event's date (rule tables) */
  book: CodeBook = DEFAULT_CODE_BOOK,
): { ok: true; letter: string; outcome: string | null } | { ok: false; errors: FieldErrors } {
  const bare = parseCode(data.code, null, pathwayType, book);
  if (!bare.ok) return { ok: false, errors: { code: [bare.error] } };
  if (data.activityCode && bare.letter !== "U") {
    return { ok: false, errors: { activityCode: ["Aktivitetskode brukes bare for utført aktivitet (U)."] } };
  }
  const outcome = data.outcome ?? (bare.letter === "U" && data.activityCode ? data.activityCode.toUpperCase() : null);
  const parsed = parseCode(data.code, outcome, pathwayType, book);
  if (!parsed.ok) return { ok: false, errors: { outcome: [parsed.error] } };
  const wrongType = invalidForType(parsed.letter, parsed.outcome, pathwayType);
  if (wrongType) return { ok: false, errors: { code: [wrongType] } };
  const definition: EventDefinition = book[parsed.letter];
  if (definition.requiresOutcome && !parsed.outcome) {
    const what = parsed.letter === "U" ? "en aktivitet" : "et utfall";
    return { ok: false, errors: { outcome: [`${definition.label} krever ${what}.`] } };
  }
  return { ok: true, letter: parsed.letter, outcome: parsed.outcome };
}
