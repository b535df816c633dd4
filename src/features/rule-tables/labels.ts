import { EVENT_DEFINITIONS, PATHWAY_NAMES, type PathwayType } from "@/domain/rules";

// The rule tables' rows in words, one name per row for the page and the form.

export type RuleTableKind = "DURATION" | "EVENT_LETTER" | "OUTCOME_LIST" | "WORKLIST";

export const KIND_HEADINGS: Record<RuleTableKind, string> = {
  DURATION: "Forløpstider",
  EVENT_LETTER: "Hendelseskoder",
  OUTCOME_LIST: "Utfallslister",
  WORKLIST: "Arbeidslistens terskler",
};

const SETTING_NAMES: Record<string, string> = { poliklinikk: "poliklinikk", dogn: "døgn" };

export function rowName(kind: RuleTableKind, key: string): string {
  switch (kind) {
    case "DURATION": {
      const [type, setting] = key.split(":");
      return `${type} ${SETTING_NAMES[setting] ?? setting}`;
    }
    case "EVENT_LETTER":
      return `${key} – ${(EVENT_DEFINITIONS as Record<string, { label: string }>)[key]?.label ?? key}`;
    case "OUTCOME_LIST":
      return `Utfall for ${key} – ${(EVENT_DEFINITIONS as Record<string, { label: string }>)[key]?.label ?? key}`;
    case "WORKLIST":
      return "Arbeidslisten";
  }
}

export function durationTitle(key: string): string {
  const type = key.split(":")[0] as PathwayType;
  return PATHWAY_NAMES[type] ?? type;
}
