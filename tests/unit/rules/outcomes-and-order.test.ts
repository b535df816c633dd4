import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ACTIVITY_VALUES, CLINICAL_ORDER, EVENT_DEFINITIONS, evaluatePathway, parseCode, type EventInput, type OutcomeList, type PathwayInput,
} from "@/domain/rules";
import { checkOutcome } from "@/domain/rules/codes";

// Issue 14, decided readings in domain.md: C, H, S, U and X carry an outcome;
// events of one day are judged in clinical order whatever the order they were
// listed or registered in.

const TODAY = "2026-11-22";
let seq = 0;
const ev = (code: string, date: string, outcome: string | null = null, extra: Partial<EventInput> = {}): EventInput => ({
  id: `e${String(seq++).padStart(4, "0")}`,
  code,
  outcome,
  date,
  ...extra,
});
const d11 = (events: EventInput[], extra: Partial<PathwayInput> = {}): PathwayInput => ({
  id: "p",
  type: "D11",
  setting: "poliklinikk",
  referralReceived: "2026-01-02",
  events,
  ...extra,
});
const noticeIds = (p: PathwayInput) => evaluatePathway(p, TODAY).notices.map((n) => n.id);
const treated = () => [ev("A", "2026-01-05"), ev("M", "2026-01-12"), ev("C", "2026-02-01", "P"), ev("F", "2026-02-02")];

describe("outcomes of X, S, U and H", () => {
  it("an X with an outcome closes the pathway: its deadlines stop and a later event is EVENT_AFTER_END", () => {
    const p = d11([...treated(), ev("X", "2026-03-01", "P"), ev("E", "2026-03-10")]);
    const result = evaluatePathway(p, TODAY);
    expect(result.phase).toBe("closed");
    expect(result.closedOn).toBe("2026-03-01");
    expect(result.nextDeadline).toBeNull();
    expect(result.notices.map((n) => n.id)).toEqual(["EVENT_AFTER_END"]);
  });

  it("a concatenated X with the outcome in its own column closes it too", () => {
    const result = evaluatePathway(d11([...treated(), ev("D11X", "2026-03-01", "1")]), TODAY);
    expect(result.phase).toBe("closed");
    expect(result.notices).toEqual([]);
  });

  it("an X without an outcome is MISSING_OUTCOME and closes nothing", () => {
    const p = d11([...treated(), ev("X", "2026-03-01"), ev("E", "2026-03-10")]);
    const result = evaluatePathway(p, TODAY);
    expect(result.notices.map((n) => n.id)).toEqual(["MISSING_OUTCOME"]);
    expect(result.phase).toBe("treatment");
    expect(result.closedOn).toBeNull();
    expect(result.nextDeadline?.kind).toBe("evaluation");
  });

  it.each(["S", "H", "U"])("%s with an outcome is valid, without one MISSING_OUTCOME", (letter) => {
    expect(noticeIds(d11([...treated(), ev(letter, "2026-02-10", "BP")]))).toEqual([]);
    expect(noticeIds(d11([...treated(), ev(`D11${letter}`, "2026-02-10", "2")]))).toEqual([]);
    expect(noticeIds(d11([...treated(), ev(letter, "2026-02-10")]))).toEqual(["MISSING_OUTCOME"]);
  });

  it("U's outcome is its activity code: from the outcome column, the concatenated code or the app's old activity field", () => {
    expect(noticeIds(d11([...treated(), ev("D11UBP", "2026-02-10")]))).toEqual([]);
    expect(noticeIds(d11([...treated(), ev("U", "2026-02-10", null, { activityCode: "IB" })]))).toEqual([]);
    expect(parseCode("D11U", "tv", "D11")).toEqual({ ok: true, type: "D11", letter: "U", outcome: "TV" });
  });

  it("only U reads the old activity field: an A, M or X with one is judged on its own outcome", () => {
    const withStray = d11([ev("A", "2026-01-05", null, { activityCode: "BP" }), ev("M", "2026-01-12", null, { activityCode: "Samtale 1" }), ev("C", "2026-02-01", "P"), ev("X", "2026-03-01", null, { activityCode: "1" })]);
    const result = evaluatePathway(withStray, TODAY);
    expect(result.notices.map((n) => n.id)).toEqual(["MISSING_OUTCOME"]);
    expect(result.phase).toBe("treatment");
  });

  it("an activity already registered is not suggested again", () => {
    const codes = evaluatePathway(d11([...treated(), ev("U", "2026-02-10", "BP")]), TODAY).nextExpectedCodes;
    expect(codes.filter((c) => c.code === "U").map((c) => c.outcome)).toEqual(["IB", "TV"]);
  });

  it("accepts 1–3 letters or digits for the unconfirmed lists, nothing longer or odd", () => {
    for (const outcome of ["1", "AB", "X9Z"]) expect(parseCode("S", outcome).ok).toBe(true);
    for (const outcome of ["ABCD", "A-1", "Å"]) expect(parseCode("S", outcome).ok).toBe(false);
    expect(noticeIds(d11([...treated(), ev("X", "2026-03-01", "ABCD")]))).toEqual(["INVALID_CODE"]);
  });

  it("C still takes only the decision outcomes", () => {
    expect(parseCode("C", "P").ok).toBe(true);
    expect(parseCode("C", "BP").ok).toBe(false);
    expect(parseCode("D11CU").ok).toBe(true);
  });

  it("the lists of H, S, U and X are marked unconfirmed; U offers the activities as choices", () => {
    for (const letter of ["H", "S", "U", "X"] as const) {
      const list = EVENT_DEFINITIONS[letter].outcomes;
      expect(list).toMatchObject({ confirmed: false, values: null });
      expect(EVENT_DEFINITIONS[letter].requiresOutcome).toBe(true);
    }
    expect((EVENT_DEFINITIONS.U.outcomes as OutcomeList).suggestions).toBe(ACTIVITY_VALUES);
  });

  it("a confirmed list, once it replaces the table entry, accepts only its values", () => {
    const confirmed = { ...EVENT_DEFINITIONS.X, outcomes: { confirmed: true, values: [{ code: "1", label: "Ordinær avslutning" }] } };
    expect(checkOutcome("X", confirmed, "1")).toBeNull();
    expect(checkOutcome("X", confirmed, "2")).toMatch(/Ukjent utfall «2»/);
  });
});

describe("same-day order", () => {
  it("C registered before M on the same day is judged after it (no C_WITHOUT_M, no M_AFTER_C)", () => {
    const events = [
      ev("A", "2026-01-05"),
      ev("C", "2026-02-01", "P", { recordedAt: "2026-02-01T08:00:00Z" }),
      ev("M", "2026-02-01", null, { recordedAt: "2026-02-01T09:00:00Z" }),
    ];
    expect(noticeIds(d11(events))).toEqual([]);
    expect(evaluatePathway(d11(events), TODAY).deadlines.find((d) => d.kind === "basis_assessment")).toMatchObject({ completedOn: "2026-02-01", met: true });
  });

  it("feedback the same day as the decision comes after it; closing comes last", () => {
    const events = [
      ev("A", "2026-01-05"), ev("M", "2026-01-12"),
      ev("X", "2026-02-01", "K", { recordedAt: "2026-02-01T07:00:00Z" }),
      ev("F", "2026-02-01", null, { recordedAt: "2026-02-01T08:00:00Z" }),
      ev("C", "2026-02-01", "K", { recordedAt: "2026-02-01T09:00:00Z" }),
    ];
    const result = evaluatePathway(d11(events), TODAY);
    expect(result.notices).toEqual([]);
    expect(result.phase).toBe("closed");
  });

  it("the order is A, P, M, S, U, L, C, F, E, R, O, H, X", () => {
    expect(CLINICAL_ORDER.join("")).toBe("APMSULCFEROHX");
  });

  // Distinct (date, letter) pairs: the same events in any order, with any
  // registration times, give the same verdict.
  const letters = ["A", "M", "C", "E", "F", "L", "X", "H", "S", "U"];
  const outcomeFor: Record<string, string | null> = { C: "P", X: "K", H: "1", S: "2", U: "BP" };
  const day = fc.integer({ min: 0, max: 6 }).map((n) => `2026-0${2 + Math.floor(n / 3)}-1${n % 3}`);
  const pathwayEvents = fc.uniqueArray(fc.record({ date: day, letter: fc.constantFrom(...letters) }), {
    selector: (e) => `${e.date}${e.letter}`,
    maxLength: 14,
  });

  it("property: shuffling rows and registration times never changes the result", () => {
    fc.assert(
      fc.property(pathwayEvents, fc.infiniteStream(fc.integer({ min: 0, max: 10_000 })), (list, randoms) => {
        const events = list.map((e, i) => ev(e.letter, e.date, outcomeFor[e.letter] ?? null, { id: `x${i}`, recordedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, "0")}Z` }));
        const shuffled = events
          .map((e) => ({ e: { ...e, recordedAt: `2026-01-01T0${randoms.next().value % 10}:00:00Z` }, key: randoms.next().value }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.e);
        expect(evaluatePathway(d11(shuffled), TODAY)).toEqual(evaluatePathway(d11(events), TODAY));
      }),
      { numRuns: 400 },
    );
  });
});

describe("kept as the engine does today (domain.md, decided readings)", () => {
  it("an open deadline past due has its cause computed: patient when an L lies between its start and today", () => {
    const p = d11([ev("A", "2026-09-01"), ev("M", "2026-09-10"), ev("L", "2026-10-01")]);
    const basis = evaluatePathway(p, TODAY).deadlines.find((d) => d.kind === "basis_assessment");
    expect(basis).toMatchObject({ completedOn: null, met: false, cause: "patient" });
  });

  it.each(["S", "K", "A", "I"])("a decision %s leaves the pathway awaiting closure", (outcome) => {
    const p = d11([ev("A", "2026-01-05"), ev("M", "2026-01-12"), ev("C", "2026-02-01", outcome)]);
    expect(evaluatePathway(p, TODAY).phase).toBe("awaiting_closure");
  });

  it("a deadline open when the pathway closes is judged on the closing day", () => {
    const p = d11([ev("A", "2026-01-05"), ev("M", "2026-01-12"), ev("X", "2026-03-01", "I")]);
    const basis = evaluatePathway(p, TODAY).deadlines.find((d) => d.kind === "basis_assessment");
    expect(basis).toMatchObject({ due: "2026-02-23", completedOn: null, met: false, daysLate: 6 });
  });

  it("D11 and D12 døgn evaluate every 84 days, marked unconfirmed", () => {
    for (const type of ["D11", "D12"] as const) {
      const p = d11([ev("A", "2026-01-05"), ev("M", "2026-01-12"), ev("C", "2026-02-01", "P")], { type, setting: "dogn" });
      const first = evaluatePathway(p, TODAY).deadlines.find((d) => d.kind === "first_evaluation");
      expect(first).toMatchObject({ durationDays: 84, unconfirmed: true });
    }
  });
});
