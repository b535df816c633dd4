import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { concurrentNotices, evaluatePathway, parseCode, previewEvent, type PathwayInput } from "@/domain/rules";

const TODAY = "2026-11-22";
let seq = 0;
const ev = (code: string, date: string, outcome?: string, extra: { annulled?: boolean; recordedAt?: string } = {}) => ({
  id: `e${seq++}`,
  code,
  outcome: outcome ?? null,
  date,
  ...extra,
});
const d11 = (events: ReturnType<typeof ev>[], extra: Partial<PathwayInput> = {}): PathwayInput => ({
  id: "p",
  type: "D11",
  setting: "poliklinikk",
  referralReceived: "2026-01-02",
  events,
  ...extra,
});
const ids = (p: PathwayInput) => evaluatePathway(p, TODAY).notices.map((n) => n.id);

describe("NPR notices", () => {
  it("a clean pathway has none", () => {
    expect(ids(d11([ev("A", "2026-01-05"), ev("M", "2026-01-12"), ev("C", "2026-02-01", "P"), ev("F", "2026-02-02"), ev("E", "2026-04-01")]))).toEqual([]);
  });
  const cases: [string, ReturnType<typeof ev>[], string, Partial<PathwayInput>?][] = [
    ["MISSING_START", [ev("M", "2026-01-12")], "MISSING_START"],
    ["FIRST_NOT_START", [ev("M", "2026-01-04"), ev("A", "2026-01-05")], "FIRST_NOT_START"],
    ["NOT_IN_FORCE", [ev("A", "2018-12-31")], "NOT_IN_FORCE"],
    ["C_WITHOUT_M", [ev("A", "2026-01-05"), ev("C", "2026-02-01", "P")], "C_WITHOUT_M"],
    ["E_WITHOUT_C", [ev("A", "2026-01-05"), ev("M", "2026-01-12"), ev("E", "2026-02-01")], "E_WITHOUT_C"],
    ["F_WITHOUT_C", [ev("A", "2026-01-05"), ev("F", "2026-02-01")], "F_WITHOUT_C"],
    ["M_AFTER_C", [ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "U"), ev("M", "2026-02-02")], "M_AFTER_C"],
    ["INVALID_CODE (unknown letter)", [ev("A", "2026-01-05"), ev("Q", "2026-01-06")], "INVALID_CODE"],
    ["INVALID_CODE (letter of another type)", [ev("A", "2026-01-05"), ev("R", "2026-01-06")], "INVALID_CODE"],
    ["INVALID_CODE (concatenated code of another type)", [ev("A", "2026-01-05"), ev("D01M", "2026-01-06")], "INVALID_CODE"],
    ["MISSING_OUTCOME (C)", [ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01")], "MISSING_OUTCOME"],
    ["MISSING_OUTCOME (U without activity code)", [ev("A", "2026-01-05"), ev("U", "2026-01-06")], "MISSING_OUTCOME"],
    ["TOO_MANY_C", [ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "U"), ev("C", "2026-03-01", "U"), ev("C", "2026-04-01", "P")], "TOO_MANY_C"],
    ["EVENT_AFTER_END", [ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "K"), ev("X", "2026-02-02", "K"), ev("F", "2026-02-10")], "EVENT_AFTER_END"],
    ["FUTURE_DATE", [ev("A", "2026-01-05"), ev("M", "2026-11-23")], "FUTURE_DATE"],
  ];
  for (const [name, events, id] of cases) {
    it(name, () => expect(ids(d11(events))).toContain(id));
  }

  it("carries the date of the event it concerns and NPR's Norwegian text", () => {
    const notice = evaluatePathway(d11([ev("A", "2026-01-05"), ev("C", "2026-02-01", "P")]), TODAY).notices[0];
    expect(notice).toMatchObject({ id: "C_WITHOUT_M", date: "2026-02-01", message: "Kode C (klinisk beslutning) mangler forutgående kode M (første frammøte)" });
  });

  it("does not flag C without M for a patient given treatment rights directly", () => {
    expect(ids(d11([ev("A", "2026-01-05"), ev("C", "2026-01-05", "P")], { directTreatmentRight: true }))).toEqual([]);
  });

  it("ignores annulled events", () => {
    expect(ids(d11([ev("A", "2026-01-05"), ev("C", "2026-02-01", "P", { annulled: true })]))).toEqual([]);
  });

  it("CONCURRENT: overlapping open pathways of one type for one patient", () => {
    const result = concurrentNotices([
      { id: "a", patientId: "x", type: "D11", openedOn: "2026-01-01", closedOn: null },
      { id: "b", patientId: "x", type: "D11", openedOn: "2026-03-01", closedOn: null },
      { id: "c", patientId: "x", type: "D12", openedOn: "2026-03-01", closedOn: null },
      { id: "d", patientId: "y", type: "D11", openedOn: "2025-01-01", closedOn: "2025-06-01" },
      { id: "e", patientId: "y", type: "D11", openedOn: "2026-01-01", closedOn: null },
    ]);
    expect([...result.keys()].sort()).toEqual(["a", "b"]);
    expect(result.get("b")?.[0]).toMatchObject({ id: "CONCURRENT", date: "2026-03-01" });
  });
});

describe("phases and next codes", () => {
  const phase = (events: ReturnType<typeof ev>[]) => evaluatePathway(d11(events), TODAY);
  it("walks through every phase", () => {
    expect(phase([]).phase).toBe("awaiting_start");
    expect(phase([ev("A", "2026-01-05")]).phase).toBe("awaiting_first_attendance");
    expect(phase([ev("A", "2026-01-05"), ev("M", "2026-01-06")]).phase).toBe("basis_assessment");
    expect(phase([ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "U")]).phase).toBe("extended_assessment");
    expect(phase([ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "P")]).phase).toBe("treatment");
    expect(phase([ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "K")]).phase).toBe("awaiting_closure");
    expect(phase([ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "K"), ev("X", "2026-02-02", "K")]).phase).toBe("closed");
  });
  it("offers the codes that make sense next", () => {
    expect(phase([]).nextExpectedCodes.map((c) => c.code)).toEqual(["A"]);
    expect(phase([ev("A", "2026-01-05")]).nextExpectedCodes[0]).toMatchObject({ code: "M", label: "Første frammøte" });
    const basis = phase([ev("A", "2026-01-05"), ev("M", "2026-01-06")]).nextExpectedCodes;
    expect(basis[0]).toMatchObject({ code: "C", outcome: "U" });
    expect(basis.some((c) => c.outcome === "N")).toBe(false); // N is D12 only
    const treatment = phase([ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "P")]).nextExpectedCodes;
    expect(treatment[0].code).toBe("F");
    // the involvement activities after a treatment decision, one click each
    expect(treatment.filter((c) => c.code === "U").map((c) => c.outcome)).toEqual(["BP", "IB", "TV"]);
    expect(phase([ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "K"), ev("X", "2026-02-02", "K")]).nextExpectedCodes).toEqual([]);
  });
});

describe("code parsing", () => {
  it("accepts both forms", () => {
    expect(parseCode("D11CU")).toEqual({ ok: true, type: "D11", letter: "C", outcome: "U" });
    expect(parseCode("d01l")).toEqual({ ok: true, type: "D01", letter: "L", outcome: null });
    expect(parseCode("C", "p")).toEqual({ ok: true, type: null, letter: "C", outcome: "P" });
  });
  it("refuses unknown codes, outcomes and conflicts with a Norwegian message", () => {
    expect(parseCode("D99M")).toMatchObject({ ok: false, error: "Ukjent pakkeforløp «D99»." });
    expect(parseCode("Q")).toMatchObject({ ok: false });
    expect(parseCode("CZ")).toMatchObject({ ok: false, error: "Ukjent utfall «Z» for klinisk beslutning." });
    expect(parseCode("D11CU", "P")).toMatchObject({ ok: false });
    expect(parseCode("D12M", null, "D11")).toMatchObject({ ok: false });
    expect(parseCode("MU")).toMatchObject({ ok: false });
  });
});

describe("preview", () => {
  it("tells on which day of how many a decision falls", () => {
    const p = d11([ev("A", "2026-01-05"), ev("M", "2026-01-12")]);
    expect(previewEvent(p, ev("C", "2026-02-19", "P"), TODAY).summary).toBe("Klinisk beslutning på dag 38 av 42: innenfor anbefalt tid.");
    const late = previewEvent(p, ev("C", "2026-02-24", "P"), TODAY);
    expect(late.summary).toBe("Klinisk beslutning på dag 43 av 42: 1 dag over anbefalt tid.");
    expect(late.completedDeadlines[0]).toMatchObject({ kind: "basis_assessment", met: false });
  });
  it("lists the notices the event would create", () => {
    const preview = previewEvent(d11([ev("A", "2026-01-05")]), ev("C", "2026-02-01", "P"), TODAY);
    expect(preview.newNotices.map((n) => n.id)).toEqual(["C_WITHOUT_M"]);
  });
});

describe("properties", () => {
  const codes = ["A", "M", "C", "E", "F", "L", "X", "H", "S", "U", "R", "P", "O", "Q", "D11CU", "D01L", "", "ZZZ"];
  const event = fc.record({
    id: fc.uuid(),
    code: fc.oneof(fc.constantFrom(...codes), fc.string({ maxLength: 6 })),
    outcome: fc.option(fc.constantFrom("U", "N", "P", "T", "S", "K", "A", "I", "Z", ""), { nil: null }),
    date: fc.date({ min: new Date("2018-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    recordedAt: fc.date({ min: new Date("2018-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }).map((d) => d.toISOString()),
    annulled: fc.boolean(),
  });
  const input = fc.record({
    type: fc.constantFrom("D01", "D11", "D12", "D06", "D07", "D08", "D09" as const),
    setting: fc.constantFrom("poliklinikk", "dogn" as const),
    events: fc.array(event, { maxLength: 12 }),
  });

  it("never throws, is deterministic and ignores input order", () => {
    fc.assert(
      fc.property(input, (p) => {
        const pathway = { id: "p", referralReceived: "2019-06-01", ...p } as PathwayInput;
        const a = evaluatePathway(pathway, TODAY);
        const b = evaluatePathway(pathway, TODAY);
        const reversed = evaluatePathway({ ...pathway, events: [...pathway.events].reverse() }, TODAY);
        expect(b).toEqual(a);
        expect(reversed).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});

describe("preview of an event on the same day as an earlier one", () => {
  it("places the new event after the day's stored events (no false C without M)", () => {
    const p = d11([ev("A", "2026-11-01"), ev("M", "2026-11-22", undefined, { recordedAt: "2026-11-22T09:00:00Z" })]);
    const preview = previewEvent(p, ev("C", "2026-11-22", "U"), TODAY);
    expect(preview.newNotices).toEqual([]);
    expect(preview.summary).toBe("Klinisk beslutning på dag 0 av 42: innenfor anbefalt tid.");
  });
});
