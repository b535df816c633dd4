import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_TABLES } from "@/domain/rules";
import { ruleValueText } from "@/features/rule-tables/value-text";

// The rule-table page's "Verdier" column for the outcome lists (issue 14): the
// lists of H, S, U and X are unconfirmed (any 1–3 letters or digits), and U's
// activities, the registration form's one-click choices, are shown with their labels.

describe("the outcome lists in the rule-table view", () => {
  const builtIn = (letter: "H" | "S" | "U" | "X") => DEFAULT_RULE_TABLES.outcomeLists[letter][0];

  it("H, S, U and X: no official list, any 1–3 letters or digits, unconfirmed", () => {
    for (const letter of ["H", "S", "U", "X"] as const) {
      expect(builtIn(letter).confirmed).toBe(false);
      expect(ruleValueText("OUTCOME_LIST", builtIn(letter).value)).toMatch(/^Ingen offisiell liste: 1–3 bokstaver eller sifre godtas/);
    }
  });

  it("U shows its activities with their labels (the old view showed none of them)", () => {
    const text = ruleValueText("OUTCOME_LIST", builtIn("U").value);
    expect(text).toContain("Aktiviteter å velge (lokal liste): BP – Behandlingsplan utarbeidet sammen med pasienten · IB – Informert om behandlingsalternativer · TV – Tilbakemeldingsverktøy brukt");
    expect(ruleValueText("OUTCOME_LIST", builtIn("X").value)).not.toContain("Aktiviteter");
  });

  it("a confirmed list replacing one shows its values (a new version, no code change)", () => {
    expect(ruleValueText("OUTCOME_LIST", { values: [{ code: "1", label: "Ordinær avslutning" }, { code: "2", label: "Avbrutt" }] })).toBe("1 – Ordinær avslutning · 2 – Avbrutt");
  });
});
