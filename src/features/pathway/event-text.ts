import { ACTIVITY_VALUES, DECISION_OUTCOMES, EVENT_DEFINITIONS, type EventDefinition, type OutcomeDefinition } from "@/domain/rules";

// Norwegian description of a coded event, from the rules engine's one table of
// letters and outcomes, e.g. "CU Klinisk beslutning – Behov for utvidet
// utredning", "UBP Utført aktivitet – Behandlingsplan utarbeidet sammen med
// pasienten". Only C's outcomes are decisions; U's are activities.
export function describeEvent(code: string, outcome: string | null): string {
  const label = (EVENT_DEFINITIONS as Record<string, EventDefinition>)[code]?.label ?? "Ukjent kode";
  if (!outcome) return `${code} ${label}`;
  const known =
    code === "C" ? (DECISION_OUTCOMES as Record<string, OutcomeDefinition>)[outcome]?.label
    : code === "U" ? ACTIVITY_VALUES.find((a) => a.code === outcome)?.label
    : undefined;
  return `${code}${outcome} ${label} – ${known ?? `utfall ${outcome}`}`;
}
