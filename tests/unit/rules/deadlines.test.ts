import { describe, expect, it } from "vitest";
import { evaluatePathway, type Deadline, type PathwayInput, type PathwayType, type Setting } from "@/domain/rules";
import { addCalendarDays } from "@/domain/rules/calendar";

const TODAY = "2026-11-22";
let seq = 0;
const ev = (code: string, date: string, outcome?: string) => ({ id: `e${seq++}`, code, outcome: outcome ?? null, date });

function pathway(type: PathwayType, setting: Setting, events: ReturnType<typeof ev>[], extra: Partial<PathwayInput> = {}): PathwayInput {
  return { id: "p", type, setting, referralReceived: "2025-12-29", events, ...extra };
}

function deadline(p: PathwayInput, kind: Deadline["kind"], today = TODAY): Deadline {
  const found = evaluatePathway(p, today).deadlines.find((d) => d.kind === kind);
  if (!found) throw new Error(`no ${kind} deadline`);
  return found;
}

const START = "2026-01-05";
const M = "2026-01-12";

// Every duration of domain.md at its boundary: day N met, day N+1 late.
const DURATIONS: [PathwayType, Setting, Deadline["kind"], number][] = [
  ["D11", "poliklinikk", "basis_assessment", 42],
  ["D11", "dogn", "basis_assessment", 42],
  ["D12", "poliklinikk", "basis_assessment", 42],
  ["D01", "poliklinikk", "basis_assessment", 21],
  ["D01", "dogn", "basis_assessment", 7],
  ["D07", "poliklinikk", "basis_assessment", 56],
  ["D08", "poliklinikk", "basis_assessment", 42],
  ["D08", "dogn", "basis_assessment", 14],
  ["D09", "poliklinikk", "basis_assessment", 7],
  ["D09", "dogn", "basis_assessment", 7],
  ["D11", "poliklinikk", "extended_assessment", 42],
  ["D12", "poliklinikk", "extended_assessment", 42],
  ["D11", "poliklinikk", "first_evaluation", 84],
  ["D12", "poliklinikk", "first_evaluation", 84],
  ["D01", "poliklinikk", "first_evaluation", 7],
  ["D01", "dogn", "first_evaluation", 7],
  ["D08", "poliklinikk", "first_evaluation", 28],
  ["D08", "dogn", "first_evaluation", 14],
  ["D09", "poliklinikk", "first_evaluation", 14],
  ["D09", "dogn", "first_evaluation", 7],
  ["D11", "poliklinikk", "evaluation", 84],
  ["D01", "poliklinikk", "evaluation", 56],
  ["D01", "dogn", "evaluation", 42],
  ["D08", "poliklinikk", "evaluation", 42],
  ["D08", "dogn", "evaluation", 14],
  ["D09", "poliklinikk", "evaluation", 42],
];

function eventsFor(kind: Deadline["kind"], type: PathwayType, closeAfter: number) {
  const treat = type === "D01" || type === "D09" ? "T" : "P";
  switch (kind) {
    case "basis_assessment":
      return [ev("A", START), ev("M", M), ev("C", addCalendarDays(M, closeAfter), treat)];
    case "extended_assessment":
      return [ev("A", START), ev("M", M), ev("C", "2026-02-01", "U"), ev("C", addCalendarDays("2026-02-01", closeAfter), treat)];
    case "first_evaluation":
      return [ev("A", START), ev("M", M), ev("C", "2026-02-01", treat), ev("E", addCalendarDays("2026-02-01", closeAfter))];
    default:
      return [ev("A", START), ev("M", M), ev("C", "2026-02-01", treat), ev("E", "2026-02-05"), ev("E", addCalendarDays("2026-02-05", closeAfter))];
  }
}

describe("recommended durations at their boundary", () => {
  for (const [type, setting, kind, days] of DURATIONS) {
    it(`${type} ${setting} ${kind}: day ${days} is within, day ${days + 1} is one day late`, () => {
      const onTime = deadline(pathway(type, setting, eventsFor(kind, type, days)), kind);
      expect(onTime).toMatchObject({ met: true, daysLate: 0, cause: null, durationDays: days });
      const late = deadline(pathway(type, setting, eventsFor(kind, type, days + 1)), kind);
      expect(late).toMatchObject({ met: false, daysLate: 1, cause: "service" });
    });
  }

  it("D07 and D08: first attendance counted from the referral (D08 severe 7, less severe 28)", () => {
    const referral = "2026-01-01";
    const d07 = pathway("D07", "poliklinikk", [ev("A", "2026-01-05"), ev("M", "2026-02-12")], { referralReceived: referral });
    expect(deadline(d07, "first_attendance")).toMatchObject({ due: "2026-02-12", met: true });
    const severe = pathway("D08", "poliklinikk", [ev("A", "2026-01-02"), ev("M", "2026-01-09")], { referralReceived: referral, severe: true });
    expect(deadline(severe, "first_attendance")).toMatchObject({ due: "2026-01-08", met: false, daysLate: 1 });
    const lessSevere = pathway("D08", "poliklinikk", [ev("A", "2026-01-02"), ev("M", "2026-01-29")], { referralReceived: referral });
    expect(deadline(lessSevere, "first_attendance")).toMatchObject({ due: "2026-01-29", met: true });
  });
});

describe("open deadlines", () => {
  const open = pathway("D11", "poliklinikk", [ev("A", START), ev("M", "2026-10-10")]);
  it("is open and not judged before it is due (day 42)", () => {
    expect(deadline(open, "basis_assessment", "2026-11-21")).toMatchObject({ due: "2026-11-21", met: null, daysLate: 0, cause: null });
  });
  it("is late by today − due once past due (day 43)", () => {
    expect(deadline(open, "basis_assessment", "2026-11-22")).toMatchObject({ met: false, daysLate: 1, cause: "service" });
    expect(deadline(open, "basis_assessment", "2026-12-12")).toMatchObject({ met: false, daysLate: 21 });
  });
  it("is the next deadline", () => {
    expect(evaluatePathway(open, "2026-11-01").nextDeadline).toMatchObject({ kind: "basis_assessment", due: "2026-11-21" });
  });
});

describe("pasientutsatt (L)", () => {
  it("attributes a breach to the patient when an L lies inside the interval; the clock is not paused", () => {
    const p = pathway("D11", "poliklinikk", [ev("A", START), ev("M", M), ev("L", "2026-02-01"), ev("C", "2026-03-01", "P")]);
    expect(deadline(p, "basis_assessment")).toMatchObject({ due: "2026-02-23", met: false, daysLate: 6, cause: "patient" });
  });
  it("leaves the breach to the service when the L lies outside the interval", () => {
    const p = pathway("D11", "poliklinikk", [ev("A", START), ev("L", "2026-01-06"), ev("M", M), ev("C", "2026-03-01", "P")]);
    expect(deadline(p, "basis_assessment")).toMatchObject({ met: false, cause: "service" });
  });
  it("does not excuse a met deadline (cause stays null)", () => {
    const p = pathway("D11", "poliklinikk", [ev("A", START), ev("M", M), ev("L", "2026-01-20"), ev("C", "2026-02-01", "P")]);
    expect(deadline(p, "basis_assessment")).toMatchObject({ met: true, cause: null });
  });
});

describe("referral assessment within 10 working days", () => {
  it("is met on the 10th working day and late on the 11th", () => {
    const onTime = pathway("D11", "poliklinikk", [ev("A", "2026-11-16")], { referralReceived: "2026-11-02" });
    expect(deadline(onTime, "referral_assessment")).toMatchObject({ due: "2026-11-16", met: true, unit: "working_days" });
    const late = pathway("D11", "poliklinikk", [ev("A", "2026-11-17")], { referralReceived: "2026-11-02" });
    expect(deadline(late, "referral_assessment")).toMatchObject({ met: false, daysLate: 1 });
  });
});

describe("closing", () => {
  it("drops deadlines that were not yet due when the pathway closed", () => {
    const p = pathway("D11", "poliklinikk", [ev("A", START), ev("M", M), ev("C", "2026-02-01", "P"), ev("X", "2026-03-01", "P")]);
    const e = evaluatePathway(p, TODAY);
    expect(e.phase).toBe("closed");
    expect(e.deadlines.find((d) => d.kind === "first_evaluation")).toBeUndefined();
    expect(e.nextDeadline).toBeNull();
  });
});

describe("effective-date switching", () => {
  it("judges D12 by the table in force on its start date (ADHD chapter from 2022-03-01)", () => {
    const before = pathway("D12", "poliklinikk", [ev("A", "2022-02-01"), ev("M", "2022-02-10"), ev("C", "2022-03-10", "U")]);
    expect(deadline(before, "extended_assessment", "2022-06-01")).toMatchObject({ durationDays: 42 });
    const after = pathway("D12", "poliklinikk", [ev("A", "2022-03-02"), ev("M", "2022-03-10"), ev("C", "2022-04-10", "N")]);
    expect(deadline(after, "extended_assessment", "2022-06-01")).toMatchObject({ durationDays: 42, due: "2022-05-22" });
  });
});
