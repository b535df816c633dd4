import { DURATION_FIELDS, DURATION_LABELS, WORKLIST_FIELDS, WORKLIST_LABELS } from "@/server/rule-tables/schema";
import type { RuleTableKind } from "./labels";

// One rule table version's values in words, for the rule-table page's
// "Verdier" column. U's activities are shown with the list they belong to:
// they are the one-click choices the registration form offers (issue 14).

type Value = Record<string, unknown>;
type Listed = { code: string; label: string }[];

const listText = (values: Listed) => values.map((v) => `${v.code} – ${v.label}`).join(" · ");

export function ruleValueText(kind: RuleTableKind, value: Value): string {
  switch (kind) {
    case "DURATION": {
      const durations = (value.durations ?? {}) as Record<string, number>;
      const parts = DURATION_FIELDS.filter((f) => durations[f] !== undefined).map((f) => `${DURATION_LABELS[f]}: ${durations[f]} dager`);
      return parts.length ? parts.join(" · ") : "Ingen forløpstider";
    }
    case "EVENT_LETTER":
      return String(value.label ?? "");
    case "OUTCOME_LIST": {
      const values = value.values as Listed | null;
      const suggestions = value.suggestions as Listed | undefined;
      const accepted = values ? listText(values) : "Ingen offisiell liste: 1–3 bokstaver eller sifre godtas";
      return suggestions?.length ? `${accepted}. Aktiviteter å velge (lokal liste): ${listText(suggestions)}` : accepted;
    }
    case "WORKLIST":
      return WORKLIST_FIELDS.map((f) => `${WORKLIST_LABELS[f]}: ${String(value[f])} dager`).join(" · ");
  }
}
