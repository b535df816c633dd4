import { DECISION_OUTCOMES, EVENT_DEFINITIONS, type EventDefinition, type OutcomeDefinition } from "@/domain/rules";

// Norwegian description of a coded event, from the rules engine's one table of
// letters and outcomes, e.g. "CU Klinisk beslutning – Behov for utvidet utredning".
export function describeEvent(code: string, outcome: string | null): string {
  const label = (EVENT_DEFINITIONS as Record<string, EventDefinition>)[code]?.label ?? "Ukjent kode";
  if (!outcome) return `${code} ${label}`;
  const outcomeLabel = (DECISION_OUTCOMES as Record<string, OutcomeDefinition>)[outcome]?.label ?? `utfall ${outcome}`;
  return `${code}${outcome} ${label} – ${outcomeLabel}`;
}
