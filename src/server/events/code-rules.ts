import { EVENT_DEFINITIONS, invalidForType, parseCode, type EventDefinition, type PathwayType } from "@/domain/rules";
import type { FieldErrors } from "@/server/errors";
import type { RegisterEventData } from "./schema";

// Hard errors about the code itself (unknown code or outcome, wrong pathway
// type, missing outcome or activity code), from the rules engine's one table.
// Returns the normalised letter and outcome when the code is acceptable.
export function checkCode(
  data: Pick<RegisterEventData, "code" | "outcome" | "activityCode">,
  pathwayType: PathwayType,
): { ok: true; letter: string; outcome: string | null } | { ok: false; errors: FieldErrors } {
  const parsed = parseCode(data.code, data.outcome, pathwayType);
  if (!parsed.ok) return { ok: false, errors: { code: [parsed.error] } };
  const wrongType = invalidForType(parsed.letter, parsed.outcome, pathwayType);
  if (wrongType) return { ok: false, errors: { code: [wrongType] } };
  const definition: EventDefinition = EVENT_DEFINITIONS[parsed.letter];
  if (definition.requiresOutcome && !parsed.outcome) {
    return { ok: false, errors: { outcome: [`${definition.label} krever et utfall.`] } };
  }
  if (definition.requiresActivityCode && !data.activityCode) {
    return { ok: false, errors: { activityCode: [`${definition.label} krever en aktivitetskode.`] } };
  }
  return { ok: true, letter: parsed.letter, outcome: parsed.outcome };
}
