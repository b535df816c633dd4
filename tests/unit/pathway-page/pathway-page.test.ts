import { describe, expect, it } from "vitest";
import { evaluatePathway, type Deadline, type PathwayInput } from "@/domain/rules";
import { deadlinesForList } from "@/domain/pathway-page/deadline-order";
import { registrationCautions, type StoredCode } from "@/domain/pathway-page/registration-cautions";
import { readCodeEntry } from "@/domain/pathway-page/code-entry";
import { pathwayEnding } from "@/domain/pathway-page/earlier-pathways";

// The pathway page's small helps (issue 17): what the clinician sees first.

const TODAY = "2026-11-22";
let seq = 0;
const ev = (code: string, date: string, outcome: string | null = null) => ({ id: `e${seq++}`, code, outcome, date, recordedAt: `${date}T12:00:${String(seq % 60).padStart(2, "0")}Z` });
const d11 = (events: ReturnType<typeof ev>[]): PathwayInput => ({ id: "p", type: "D11", setting: "poliklinikk", referralReceived: "2026-01-02", events });
const suggested = (events: ReturnType<typeof ev>[]) => evaluatePathway(d11(events), TODAY).nextExpectedCodes.map((c) => `${c.code}${c.outcome ?? ""}`);
const treated = () => [ev("A", "2026-01-05"), ev("M", "2026-01-06"), ev("C", "2026-02-01", "P")];

describe("suggested next code after saving one", () => {
  it("after a treatment decision, F leads; after saving F it is no longer offered first", () => {
    expect(suggested(treated())[0]).toBe("F");
    const after = suggested([...treated(), ev("F", "2026-02-02")]);
    expect(after[0]).not.toBe("F");
    expect(after[0]).toBe("E");
  });
  it("after saving F on the decision's own day, F is no longer first either", () => {
    expect(suggested([...treated(), ev("F", "2026-02-01")])[0]).toBe("E");
  });
  it("after saving E, E moves to the end of the list (next evaluation is far off) and the activities lead", () => {
    const after = suggested([...treated(), ev("F", "2026-02-02"), ev("E", "2026-04-01")]);
    expect(after[0]).toBe("UBP");
    expect(after.at(-1)).toBe("E");
    expect(after.filter((c) => c === "E")).toHaveLength(1);
  });
  it("a code other than the first is left where it is", () => {
    const after = suggested([...treated(), ev("U", "2026-02-03", "BP")]);
    expect(after.slice(0, 2)).toEqual(["F", "E"]);
  });
});

describe("the deadline list: open overdue first, finished late quieter", () => {
  const dl = (kind: Deadline["kind"], extra: Partial<Deadline>): Deadline => ({
    kind, from: "2026-01-01", due: "2026-02-01", completedOn: null, met: null, daysLate: 0, cause: null, durationDays: 31, unit: "calendar_days", unconfirmed: false, ...extra,
  });
  const finishedLate = dl("referral_assessment", { completedOn: "2026-02-05", met: false, daysLate: 4 });
  const met = dl("first_attendance", { completedOn: "2026-01-20", met: true });
  const overdue5 = dl("basis_assessment", { met: false, daysLate: 5 });
  const overdue30 = dl("care_start", { met: false, daysLate: 30 });
  const coming = dl("first_evaluation", { due: "2026-12-01" });

  it("puts the open overdue deadlines on top, most days late first, the rest in the engine's order", () => {
    const listed = deadlinesForList([finishedLate, met, overdue5, coming, overdue30]);
    expect(listed.map((d) => d.deadline.kind)).toEqual(["care_start", "basis_assessment", "referral_assessment", "first_attendance", "first_evaluation"]);
    expect(listed.slice(0, 2).every((d) => d.overdue)).toBe(true);
  });
  it("marks only completed-late deadlines as finished late", () => {
    const listed = deadlinesForList([finishedLate, met, overdue5, coming]);
    expect(listed.filter((d) => d.finishedLate).map((d) => d.deadline.kind)).toEqual(["referral_assessment"]);
  });
});

describe("cautions before saving", () => {
  const stored = (code: string, date: string, outcome: string | null = null, annulled = false): StoredCode => ({ code, outcome, date, annulled });
  const assessment = [stored("A", "2026-01-05"), stored("M", "2026-01-06")];

  it("warns before X in the middle of a basis or extended assessment, not after a closing decision", () => {
    const basis = registrationCautions("basis_assessment", "D11", assessment, { letter: "X", outcome: "K", date: "2026-02-01" });
    expect(basis).toEqual([
      { id: "CLOSING_DURING_ASSESSMENT", message: "Forløpet er midt i en basisutredning og har ingen avsluttende klinisk beslutning. Kontroller at forløpet skal avsluttes nå." },
    ]);
    expect(registrationCautions("extended_assessment", "D11", assessment, { letter: "X", outcome: "K", date: "2026-02-01" })[0].message).toContain("utvidet utredning");
    expect(registrationCautions("awaiting_closure", "D11", assessment, { letter: "X", outcome: "K", date: "2026-02-01" })).toEqual([]);
  });
  it("warns before a second A, naming the first start's date; an annulled A does not count", () => {
    expect(registrationCautions("basis_assessment", "D11", assessment, { letter: "A", outcome: null, date: "2026-03-01" })).toEqual([
      { id: "SECOND_START", message: "Forløpet har allerede start pakkeforløp (A) 05.01.2026. En ny henvisning skal normalt ha et nytt forløp." },
    ]);
    expect(registrationCautions("awaiting_start", "D11", [stored("A", "2026-01-05", null, true)], { letter: "A", outcome: null, date: "2026-01-06" })).toEqual([]);
  });
  it("warns before the same code twice on one day, also when stored as a concatenated code", () => {
    const events = [...assessment, stored("D11CP", "2026-02-01")];
    expect(registrationCautions("treatment", "D11", events, { letter: "C", outcome: "P", date: "2026-02-01" })).toEqual([
      { id: "SAME_CODE_SAME_DAY", message: "Koden CP er allerede registrert 01.02.2026. Kontroller at den ikke registreres to ganger." },
    ]);
    // another day, or another outcome, is no repeat
    expect(registrationCautions("treatment", "D11", events, { letter: "C", outcome: "P", date: "2026-02-02" })).toEqual([]);
    expect(registrationCautions("treatment", "D11", events, { letter: "C", outcome: "T", date: "2026-02-01" })).toEqual([]);
  });
});

describe("the main code field reads a concatenated code", () => {
  it("accepts D11CP on a D11 pathway as C with outcome P, and a plain CP too", () => {
    expect(readCodeEntry("d11cp ", "D11")).toEqual({ ok: true, letter: "C", outcome: "P" });
    expect(readCodeEntry("CP", "D11")).toEqual({ ok: true, letter: "C", outcome: "P" });
    expect(readCodeEntry("D11M", "D11")).toEqual({ ok: true, letter: "M", outcome: null });
    expect(readCodeEntry("", "D11")).toBeNull();
  });
  it("refuses another pathway type's code in plain Norwegian", () => {
    expect(readCodeEntry("D12CP", "D11")).toEqual({ ok: false, error: "Koden gjelder pakkeforløp D12, men forløpet er D11." });
    expect(readCodeEntry("D11CN", "D11")).toEqual({ ok: false, error: "Utfall N brukes ikke i pakkeforløp D11." });
    expect(readCodeEntry("D11Q", "D11")).toEqual({ ok: false, error: "Ukjent hendelseskode «Q»." });
    expect(readCodeEntry("D11CZ", "D11")).toEqual({ ok: false, error: "Ukjent utfall «Z» for klinisk beslutning." });
  });
});

describe("how an earlier pathway ended", () => {
  it("names the closing date and the last decision", () => {
    expect(
      pathwayEnding({
        type: "D11", closedOn: "2025-10-25", phase: "closed",
        events: [
          { code: "C", outcome: "U", date: "2025-09-01", annulled: false },
          { code: "C", outcome: "K", date: "2025-10-01", annulled: false },
          { code: "C", outcome: "I", date: "2025-10-02", annulled: true },
          { code: "X", outcome: "K", date: "2025-10-25", annulled: false },
        ],
      }),
    ).toBe("Avsluttet 25.10.2025 etter klinisk beslutning K – behov for oppfølging fra fastlege eller kommunen");
  });
  it("says when it closed without a decision, and when it is still open", () => {
    expect(pathwayEnding({ type: "D11", closedOn: "2025-10-25", phase: "closed", events: [] })).toBe("Avsluttet 25.10.2025 uten klinisk beslutning");
    expect(pathwayEnding({ type: "D11", closedOn: null, phase: "treatment", events: [] })).toBe("Åpent (behandling)");
  });
});
