import { describe, expect, it } from "vitest";
import { concurrentNotices, evaluatePathway, type EventInput, type PathwayInput } from "@/domain/rules";

// Issue 14, "also decided: keep as the engine does today" (domain.md, decided
// readings), pinned at their boundaries: the day before, at and after. Pure
// engine, pinned dates. Basis assessment D11: M 2026-01-12 + 42 days = due 2026-02-23.

let seq = 0;
const ev = (code: string, date: string, outcome: string | null = null): EventInput => ({ id: `e${String(seq++).padStart(4, "0")}`, code, outcome, date });
const d11 = (events: EventInput[], extra: Partial<PathwayInput> = {}): PathwayInput => ({
  id: "p", type: "D11", setting: "poliklinikk", referralReceived: "2026-01-02", events, ...extra,
});
const attended = () => [ev("A", "2026-01-05"), ev("M", "2026-01-12")];
const basis = (p: PathwayInput, today: string) => evaluatePathway(p, today).deadlines.find((d) => d.kind === "basis_assessment");

describe("cause of an open deadline: computed once past due, patient when an L lies between `from` and today", () => {
  it("has no verdict and no cause on its due day; late by one day the day after", () => {
    expect(basis(d11(attended()), "2026-02-23")).toMatchObject({ due: "2026-02-23", completedOn: null, met: null, daysLate: 0, cause: null });
    expect(basis(d11(attended()), "2026-02-24")).toMatchObject({ completedOn: null, met: false, daysLate: 1, cause: "service" });
  });

  it.each([
    ["the day before `from`", "2026-01-11", "service"],
    ["on `from`", "2026-01-12", "patient"],
    ["on today", "2026-02-24", "patient"],
    ["the day after today", "2026-02-25", "service"],
  ] as const)("an L %s: cause %s", (_, delayed, cause) => {
    expect(basis(d11([...attended(), ev("L", delayed)]), "2026-02-24")).toMatchObject({ met: false, cause });
  });
});

describe("phase awaiting_closure after a decision S, K, A or I", () => {
  it.each(["S", "K", "A", "I"])("the last decision %s awaits closure; a later P takes the pathway back to treatment", (outcome) => {
    expect(evaluatePathway(d11([...attended(), ev("C", "2026-02-01", outcome)]), "2026-03-01").phase).toBe("awaiting_closure");
    expect(evaluatePathway(d11([...attended(), ev("C", "2026-02-01", outcome), ev("C", "2026-02-02", "P")]), "2026-03-01").phase).toBe("treatment");
    expect(evaluatePathway(d11([...attended(), ev("C", "2026-02-01", "P"), ev("C", "2026-02-02", outcome)]), "2026-03-01").phase).toBe("awaiting_closure");
  });

  it.each(["U", "P"])("not after a decision %s", (outcome) => {
    expect(evaluatePathway(d11([...attended(), ev("C", "2026-02-01", outcome)]), "2026-03-01").phase).not.toBe("awaiting_closure");
  });
});

describe("a deadline open when the pathway closes is judged on the closing day", () => {
  const TODAY = "2026-11-22";
  it.each(["2026-02-22", "2026-02-23"])("closed on %s (before or on the due day): no deadline left behind", (closed) => {
    expect(basis(d11([...attended(), ev("X", closed, "I")]), TODAY)).toBeUndefined();
  });

  it("closed the day after the due day: one day late, not late until today", () => {
    expect(basis(d11([...attended(), ev("X", "2026-02-24", "I")]), TODAY)).toMatchObject({ completedOn: null, met: false, daysLate: 1, cause: "service" });
  });

  it("an L after the closing day does not make the cause the patient's", () => {
    expect(basis(d11([...attended(), ev("X", "2026-02-24", "I"), ev("L", "2026-02-25")]), TODAY)).toMatchObject({ daysLate: 1, cause: "service" });
    expect(basis(d11([...attended(), ev("L", "2026-02-24"), ev("X", "2026-02-24", "I")]), TODAY)).toMatchObject({ daysLate: 1, cause: "patient" });
  });
});

describe("CONCURRENT: the two pathways' periods overlapped at some time", () => {
  const span = (id: string, openedOn: string, closedOn: string | null, extra: { patientId?: string; type?: "D11" | "D12" } = {}) => ({
    id, patientId: extra.patientId ?? "x", type: extra.type ?? ("D11" as const), openedOn, closedOn,
  });
  const flagged = (spans: ReturnType<typeof span>[]) => [...concurrentNotices(spans).keys()].sort();

  it("one closed the day before the other opened: no overlap", () => {
    expect(flagged([span("a", "2026-01-01", "2026-02-28"), span("b", "2026-03-01", null)])).toEqual([]);
  });

  it("one closed the day the other opened: they overlapped that day", () => {
    const notices = concurrentNotices([span("a", "2026-01-01", "2026-03-01"), span("b", "2026-03-01", null)]);
    expect([...notices.keys()].sort()).toEqual(["a", "b"]);
    expect(notices.get("a")?.[0]).toMatchObject({ id: "CONCURRENT", date: "2026-03-01", eventId: null });
  });

  it("both closed long ago but overlapped then: still CONCURRENT, dated the later opening", () => {
    const notices = concurrentNotices([span("a", "2024-01-01", "2024-06-01"), span("b", "2024-05-01", "2024-08-01")]);
    expect(notices.get("a")?.[0].date).toBe("2024-05-01");
    expect(notices.get("b")?.[0].date).toBe("2024-05-01");
  });

  it("only pathways of one patient and one type", () => {
    expect(flagged([span("a", "2026-01-01", null), span("b", "2026-01-01", null, { type: "D12" }), span("c", "2026-01-01", null, { patientId: "y" })])).toEqual([]);
  });
});

describe("D11/D12 døgn evaluations: 84 days, an unconfirmed default", () => {
  // C P 2026-02-01 + 84 days = 2026-04-26
  const treated = (type: "D11" | "D12", setting: "dogn" | "poliklinikk", evaluatedOn: string | null) =>
    d11([...attended(), ev("C", "2026-02-01", "P"), ...(evaluatedOn ? [ev("E", evaluatedOn)] : [])], { type, setting });
  const first = (p: PathwayInput, today: string) => evaluatePathway(p, today).deadlines.find((d) => d.kind === "first_evaluation");

  it.each(["D11", "D12"] as const)("%s døgn: the first evaluation is due on day 84, met on it, late the day after", (type) => {
    expect(first(treated(type, "dogn", "2026-04-25"), "2026-11-22")).toMatchObject({ due: "2026-04-26", durationDays: 84, met: true, unconfirmed: true });
    expect(first(treated(type, "dogn", "2026-04-26"), "2026-11-22")).toMatchObject({ met: true, daysLate: 0 });
    expect(first(treated(type, "dogn", "2026-04-27"), "2026-11-22")).toMatchObject({ met: false, daysLate: 1 });
    expect(first(treated(type, "dogn", null), "2026-04-26")).toMatchObject({ met: null });
    expect(first(treated(type, "dogn", null), "2026-04-27")).toMatchObject({ met: false, daysLate: 1 });
  });

  it.each(["D11", "D12"] as const)("%s døgn: each later evaluation 84 days after the one before, unconfirmed", (type) => {
    const next = evaluatePathway(treated(type, "dogn", "2026-04-20"), "2026-11-22").deadlines.find((d) => d.kind === "evaluation");
    expect(next).toMatchObject({ from: "2026-04-20", due: "2026-07-13", durationDays: 84, unconfirmed: true });
  });

  it("poliklinikk has the same 84 days, confirmed", () => {
    expect(first(treated("D11", "poliklinikk", null), "2026-11-22")).toMatchObject({ durationDays: 84, unconfirmed: false });
  });
});
