import { describe, expect, it } from "vitest";
import { evaluatePathway, type Deadline, type EventInput, type PathwayInput } from "@/domain/rules";

// The legal deadline (juridisk frist) as the deadline kind `care_start`: from
// the assessment (A) to the date set there, met by the first attendance (M) on
// or before it; a breach is a fristbrudd.

const ASSESSED = "2026-03-02";
// Maundy Thursday to Easter Monday 2026 lie just before it: holidays change nothing.
const DUE = "2026-04-06";

let seq = 0;
const ev = (code: string, date: string, outcome?: string): EventInput => ({ id: `e${seq++}`, code, outcome: outcome ?? null, date });

function pathway(events: EventInput[], extra: Partial<PathwayInput> = {}): PathwayInput {
  return { id: "p", type: "D11", setting: "poliklinikk", referralReceived: "2026-02-20", careDeadline: DUE, events, ...extra };
}

function careStart(p: PathwayInput, today: string): Deadline | undefined {
  return evaluatePathway(p, today).deadlines.find((d) => d.kind === "care_start");
}

describe("care_start (juridisk frist)", () => {
  it("runs from the assessment (A) to the legal deadline, in calendar days", () => {
    const d = careStart(pathway([ev("A", ASSESSED)]), "2026-03-10");
    expect(d).toEqual({
      kind: "care_start", from: ASSESSED, due: DUE, completedOn: null, met: null, daysLate: 0, cause: null,
      durationDays: 35, unit: "calendar_days", unconfirmed: false,
    });
  });

  it("is met by a first attendance on the deadline day itself", () => {
    const d = careStart(pathway([ev("A", ASSESSED), ev("M", DUE)]), "2026-11-01");
    expect(d).toMatchObject({ completedOn: DUE, met: true, daysLate: 0, cause: null });
  });

  it("is a fristbrudd, one day late, when the first attendance comes the day after (Easter Monday is no excuse)", () => {
    const d = careStart(pathway([ev("A", ASSESSED), ev("M", "2026-04-07")]), "2026-11-01");
    expect(d).toMatchObject({ completedOn: "2026-04-07", met: false, daysLate: 1, cause: "service" });
  });

  it("counts only the first M: a later one does not undo a breach, nor an earlier one's success", () => {
    expect(careStart(pathway([ev("A", ASSESSED), ev("M", "2026-04-10"), ev("M", "2026-04-01")]), "2026-11-01")).toMatchObject({ completedOn: "2026-04-01", met: true });
    expect(careStart(pathway([ev("A", ASSESSED), ev("M", "2026-04-10"), ev("M", "2026-05-01")]), "2026-11-01")).toMatchObject({ completedOn: "2026-04-10", met: false, daysLate: 4 });
  });

  it("ignores an annulled M", () => {
    const p = pathway([ev("A", ASSESSED), { ...ev("M", "2026-04-01"), annulled: true }, ev("M", "2026-04-09")]);
    expect(careStart(p, "2026-11-01")).toMatchObject({ completedOn: "2026-04-09", met: false, daysLate: 3 });
  });

  describe("without an M yet", () => {
    it("is open, not late, up to and on the deadline day", () => {
      expect(careStart(pathway([ev("A", ASSESSED)]), "2026-04-05")).toMatchObject({ met: null, daysLate: 0, cause: null });
      expect(careStart(pathway([ev("A", ASSESSED)]), DUE)).toMatchObject({ met: null, daysLate: 0, cause: null });
    });

    it("is a fristbrudd counted to today the day after", () => {
      expect(careStart(pathway([ev("A", ASSESSED)]), "2026-04-07")).toMatchObject({ completedOn: null, met: false, daysLate: 1, cause: "service" });
      expect(careStart(pathway([ev("A", ASSESSED)]), "2026-05-06")).toMatchObject({ met: false, daysLate: 30 });
    });

    it("is the next deadline while open", () => {
      const evaluation = evaluatePathway(pathway([ev("A", ASSESSED)]), "2026-03-10");
      expect(evaluation.nextDeadline?.kind).toBe("care_start");
    });
  });

  describe("cause", () => {
    it("is the patient's when a pasientutsatt L lies in the interval (also on its first and last day)", () => {
      expect(careStart(pathway([ev("A", ASSESSED), ev("L", "2026-03-20"), ev("M", "2026-04-20")]), "2026-11-01")).toMatchObject({ met: false, cause: "patient" });
      expect(careStart(pathway([ev("A", ASSESSED), ev("L", ASSESSED), ev("M", "2026-04-20")]), "2026-11-01")).toMatchObject({ cause: "patient" });
      expect(careStart(pathway([ev("A", ASSESSED), ev("L", "2026-04-20"), ev("M", "2026-04-20")]), "2026-11-01")).toMatchObject({ cause: "patient" });
    });

    it("is the service's when the L lies outside the interval", () => {
      expect(careStart(pathway([ev("L", "2026-02-25"), ev("A", ASSESSED), ev("M", "2026-04-20")]), "2026-11-01")).toMatchObject({ met: false, cause: "service" });
      expect(careStart(pathway([ev("A", ASSESSED), ev("M", "2026-04-20"), ev("L", "2026-04-21")]), "2026-11-01")).toMatchObject({ met: false, cause: "service" });
    });

    it("of an open breach counts an L up to today", () => {
      expect(careStart(pathway([ev("A", ASSESSED), ev("L", "2026-04-10")]), "2026-04-12")).toMatchObject({ met: false, cause: "patient" });
      expect(careStart(pathway([ev("A", ASSESSED), ev("L", "2026-04-13")]), "2026-04-12")).toMatchObject({ met: false, cause: "service" });
    });
  });

  it("is judged on the closing day when the pathway closes while it is open, and leaves nothing when closed before it fell due", () => {
    const closedLate = careStart(pathway([ev("A", ASSESSED), ev("C", "2026-04-09", "I"), ev("X", "2026-04-10", "I")]), "2026-11-01");
    expect(closedLate).toMatchObject({ completedOn: null, met: false, daysLate: 4 });
    expect(careStart(pathway([ev("A", ASSESSED), ev("C", "2026-03-20", "I"), ev("X", "2026-03-25", "I")]), "2026-11-01")).toBeUndefined();
  });

  it("falls back to the referral's receipt as `from` when the start code is missing", () => {
    expect(careStart(pathway([]), "2026-03-10")).toMatchObject({ from: "2026-02-20", due: DUE, met: null });
  });

  it("does not exist without a legal deadline (no right to care), nor for an impossible date", () => {
    expect(careStart(pathway([ev("A", ASSESSED)], { careDeadline: null }), "2026-05-01")).toBeUndefined();
    expect(careStart(pathway([ev("A", ASSESSED)], { careDeadline: undefined }), "2026-05-01")).toBeUndefined();
    expect(careStart(pathway([ev("A", ASSESSED)], { careDeadline: "2026-02-30" }), "2026-05-01")).toBeUndefined();
  });

  it("leaves the other deadlines as they were", () => {
    const events = [ev("A", ASSESSED), ev("M", "2026-03-09"), ev("C", "2026-04-01", "P")];
    const without = evaluatePathway(pathway(events, { careDeadline: null }), "2026-11-01").deadlines;
    const withIt = evaluatePathway(pathway(events), "2026-11-01").deadlines;
    expect(withIt.filter((d) => d.kind !== "care_start")).toEqual(without);
  });
});
