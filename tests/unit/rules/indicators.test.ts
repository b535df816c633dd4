import { describe, expect, it } from "vitest";
import { computeIndicators, evaluatePathway, lateBucket, type PathwayInput } from "@/domain/rules";

const TODAY = "2026-11-22";
const PERIOD = { from: "2026-10-01", to: "2026-10-31" };

function evaluate(id: string, events: [string, string | null, string][]) {
  const input: PathwayInput = {
    id,
    type: "D11",
    setting: "poliklinikk",
    referralReceived: "2026-08-01",
    events: events.map(([code, outcome, date], i) => ({ id: `${id}-${i}`, code, outcome, date })),
  };
  return evaluatePathway(input, TODAY);
}

describe("indicators over many pathways", () => {
  it("counts a basis assessment in the month it was decided, met on day 42 and late on day 43", () => {
    const met = evaluate("met", [["A", null, "2026-08-05"], ["M", null, "2026-09-01"], ["C", "P", "2026-10-13"]]); // day 42
    const late = evaluate("late", [["A", null, "2026-08-05"], ["M", null, "2026-09-01"], ["C", "P", "2026-10-14"]]); // day 43
    const basis = computeIndicators([met, late], PERIOD).byKind.basis_assessment;
    expect(basis).toMatchObject({ numerator: 1, denominator: 2, share: 0.5, breachesByCause: { patient: 0, service: 1 } });
    expect(basis.daysLate).toEqual({ "1-7": 1, "8-14": 0, "15-28": 0, ">28": 0 });
  });

  it("attributes a breach with pasientutsatt (L) inside the interval to the patient", () => {
    const delayed = evaluate("l", [["A", null, "2026-08-05"], ["M", null, "2026-09-01"], ["L", null, "2026-09-20"], ["C", "P", "2026-10-30"]]);
    expect(computeIndicators([delayed], PERIOD).byKind.basis_assessment.breachesByCause).toEqual({ patient: 1, service: 0 });
  });

  it("counts an open deadline past due on its due date, and not before", () => {
    const open = evaluate("open", [["A", null, "2026-08-05"], ["M", null, "2026-09-10"]]); // due 22.10
    expect(computeIndicators([open], PERIOD).byKind.basis_assessment).toMatchObject({ numerator: 0, denominator: 1 });
    const notDue = evaluate("notdue", [["A", null, "2026-08-05"], ["M", null, "2026-11-01"]]);
    expect(computeIndicators([notDue], { from: "2026-11-01", to: "2026-12-31" }).byKind.basis_assessment.denominator).toBe(0);
  });

  it("leaves out pathways NPR does not calculate (no start code), but counts their notices", () => {
    const noStart = evaluate("nostart", [["M", null, "2026-09-01"], ["C", "P", "2026-10-05"]]);
    const result = computeIndicators([noStart], PERIOD);
    expect(result.byKind.basis_assessment.denominator).toBe(0);
    expect(result.noticesById).toMatchObject({});
    expect(computeIndicators([noStart], { from: "2026-09-01", to: "2026-10-31" }).noticesById.MISSING_START).toBe(1);
  });

  it("gives notices per 100 events in the period", () => {
    const cWithoutM = evaluate("cm", [["A", null, "2026-10-01"], ["C", "P", "2026-10-05"], ["F", null, "2026-10-06"], ["E", null, "2026-10-20"]]);
    const result = computeIndicators([cWithoutM], PERIOD);
    expect(result.events).toBe(4);
    expect(result.notices).toBe(1);
    expect(result.noticesPer100Events).toBe(25);
  });

  it("buckets days late as the reports show them", () => {
    expect([1, 7, 8, 14, 15, 28, 29].map(lateBucket)).toEqual(["1-7", "1-7", "8-14", "8-14", "15-28", "15-28", ">28"]);
  });
});

describe("involvement indicators (issue 14)", () => {
  const period = { from: "2026-09-01", to: "2026-12-31" };
  let n = 0;
  const pathway = (events: [string, string | null, string, string?][]): PathwayInput => ({
    id: `inv${n++}`,
    type: "D11",
    setting: "poliklinikk",
    referralReceived: "2026-09-01",
    events: events.map(([code, outcome, date, activityCode], i) => ({ id: `e${i}`, code, outcome, date, activityCode: activityCode ?? null })),
  });
  const treated: [string, string | null, string][] = [["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "P", "2026-10-15"]];
  const involvement = (inputs: PathwayInput[]) => computeIndicators(inputs.map((p) => evaluatePathway(p, "2026-11-22")), period).involvement;

  it("counts pathways with a treatment decision in the period, and those with the activity by the period's end", () => {
    const result = involvement([
      pathway([...treated, ["U", "BP", "2026-10-20"]]),
      pathway([...treated, ["U", "BP", "2027-01-05"]]), // after the period
      pathway([...treated, ["U", null, "2026-10-20", "bp"]]), // the activity in the old activity field
      pathway([["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "K", "2026-10-15"], ["U", "BP", "2026-10-20"]]), // no treatment decision
    ]);
    expect(result.treatment_plan).toEqual({ numerator: 2, denominator: 3, share: 2 / 3 });
    expect(result.informed_of_options).toEqual({ numerator: 0, denominator: 3, share: 0 });
  });

  it("leaves out the pathways NPR leaves out of the calculation, and has no share when nothing is measured", () => {
    const noStart = pathway([["M", null, "2026-09-10"], ["C", "T", "2026-10-15"], ["U", "TV", "2026-10-20"]]);
    expect(involvement([noStart]).feedback_tool).toEqual({ numerator: 0, denominator: 0, share: null });
  });
});
