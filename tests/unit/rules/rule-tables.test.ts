import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_TABLES, evaluatePathway, previewEvent, type PathwayInput, type RuleTables } from "@/domain/rules";
import { worklistItems } from "@/domain/worklist";

// The rules engine receives the rule tables as data: a new version applies
// from its effective date (durations: by the pathway's start date, domain.md;
// code lists: by the event's date; worklist thresholds: by the date the
// item's period starts), and the built-in tables give today's behaviour.

const TODAY = "2026-11-22";
const CHANGED_ON = "2026-06-01";

const d11Basis = DEFAULT_RULE_TABLES.durations.find((r) => r.type === "D11" && r.setting === "poliklinikk")!;
const tables: RuleTables = {
  ...DEFAULT_RULE_TABLES,
  durations: [...DEFAULT_RULE_TABLES.durations, { ...d11Basis, effectiveFrom: CHANGED_ON, durations: { ...d11Basis.durations, basisAssessment: 30 } }],
  outcomeLists: {
    ...DEFAULT_RULE_TABLES.outcomeLists,
    H: [...DEFAULT_RULE_TABLES.outcomeLists.H, { effectiveFrom: CHANGED_ON, confirmed: true, value: { values: [{ code: "1", label: "Behov for hjelp" }] } }],
  },
  worklist: [...DEFAULT_RULE_TABLES.worklist, { effectiveFrom: CHANGED_ON, confirmed: false, value: { ...DEFAULT_RULE_TABLES.worklist[0].value, feedbackDays: 7 } }],
};

function d11(start: string, events: [string, string, string?][] = []): PathwayInput {
  return {
    id: "p",
    type: "D11",
    setting: "poliklinikk",
    referralReceived: start,
    events: [["A", start] as [string, string, string?], ...events].map(([code, date, outcome], i) => ({ id: `e${i}`, code, date, outcome: outcome ?? null, recordedAt: `${date}T10:00:00.000Z` })),
  };
}

const basis = (p: PathwayInput, t?: RuleTables) => evaluatePathway(p, TODAY, t).deadlines.find((d) => d.kind === "basis_assessment");

describe("rule tables as data", () => {
  it("a duration version applies to pathways started on or after its effective date, not to those started before", () => {
    const before = d11("2026-05-29", [["M", "2026-06-03"]]);
    const after = d11("2026-06-01", [["M", "2026-06-03"]]);
    expect(basis(before, tables)).toMatchObject({ durationDays: 42, due: "2026-07-15" });
    expect(basis(after, tables)).toMatchObject({ durationDays: 30, due: "2026-07-03" });
    // the built-in tables: unchanged behaviour
    expect(basis(after)).toMatchObject({ durationDays: 42 });
    expect(evaluatePathway(after, TODAY, DEFAULT_RULE_TABLES)).toEqual(evaluatePathway(after, TODAY));
  });

  it("an outcome list version judges the events dated on or after it; earlier events keep the old list", () => {
    const events: [string, string, string?][] = [["M", "2026-05-05"], ["C", "2026-05-06", "P"], ["H", "2026-05-20", "ZZ"], ["H", "2026-06-02", "ZZ"], ["H", "2026-06-03", "1"]];
    const notices = evaluatePathway(d11("2026-05-01", events), TODAY, tables).notices.filter((n) => n.id === "INVALID_CODE");
    expect(notices.map((n) => n.date)).toEqual(["2026-06-02"]);
    expect(evaluatePathway(d11("2026-05-01", events), TODAY).notices.filter((n) => n.id === "INVALID_CODE")).toEqual([]);
    // the preview the code form shows judges by the same tables
    const preview = previewEvent(d11("2026-05-01", events.slice(0, 2)), { id: "new", code: "H", outcome: "ZZ", date: "2026-06-10" }, TODAY, tables);
    expect(preview.newNotices.map((n) => n.id)).toContain("INVALID_CODE");
  });

  it("a worklist threshold version applies by the date its item's period starts", () => {
    const feedbackDue = (decidedOn: string) => {
      const p = d11("2026-05-01", [["M", "2026-05-05"], ["C", decidedOn, "P"]]);
      const items = worklistItems(p, evaluatePathway(p, TODAY, tables), { concurrent: [], explainedNoticeKeys: new Set(), tables });
      return items.find((i) => i.reason === "FEEDBACK_MISSING")?.dueOn;
    };
    expect(feedbackDue("2026-05-31")).toBe("2026-06-14");
    expect(feedbackDue("2026-06-01")).toBe("2026-06-08");
  });

  it("of two versions with the same effective date, the one recorded later wins (a correction)", () => {
    const corrected: RuleTables = { ...tables, durations: [...tables.durations, { ...d11Basis, effectiveFrom: CHANGED_ON, durations: { ...d11Basis.durations, basisAssessment: 35 } }] };
    expect(basis(d11("2026-06-01", [["M", "2026-06-03"]]), corrected)).toMatchObject({ durationDays: 35 });
  });
});
