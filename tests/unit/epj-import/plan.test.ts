import { describe, expect, it } from "vitest";
import { planImport, type PlanContext, type StoredPathway } from "@/domain/epj-import/plan";
import { makeNationalId } from "@/domain/national-id";
import { readEpjCsvText } from "@/lib/epj-csv";

// The import's plan (pure): keys, matches against what is stored, refusals
// with their line. The clock is a parameter.

const TODAY = "2026-11-22";
const A = makeNationalId("1980-01-02", 101, { synthetic: true });
const stored = (events: StoredPathway["events"], extra: Partial<StoredPathway> = {}): StoredPathway => ({
  id: "db-1", externalId: "P1", nationalId: A, type: "D11", setting: "poliklinikk", referralReceived: "2026-09-01", careDeadline: null,
  directTreatmentRight: false, severe: false, events, ...extra,
});
const ctx = (pathways: StoredPathway[] = []): PlanContext => ({
  today: TODAY, allowSynthetic: true, unitPathwayTypes: ["D11"], stored: new Map(pathways.map((p) => [p.externalId, p])), foreign: new Set(), knownInUnit: new Set([A]),
});
const plan = (lines: string[], c = ctx()) => planImport(readEpjCsvText(["event_id,pathway_id,national_id,patient_name,date,code,outcome", ...lines].join("\n")), c);

describe("the import plan", () => {
  it("refuses a second row with the same event_id, naming the first line", () => {
    const p = plan([`e1,P1,${A},Ola,2026-09-03,D11A,`, `e1,P1,${A},Ola,2026-09-04,D11M,`]);
    expect(p.refused).toEqual([{ line: 3, column: "event_id", message: "event_id «e1» står også på linje 2." }]);
    expect(p.counts).toMatchObject({ pathwaysCreated: 1, eventsCreated: 1, rowsRefused: 1 });
  });

  it("matches an event coded in Forløpsvakt (no external id) by its content: unchanged, not missing", () => {
    const p = plan([`e1,P1,,,2026-09-03,D11A,`], ctx([stored([{ id: "ev-1", externalId: null, letter: "A", outcome: null, date: "2026-09-03", recordedAt: "2026-09-03T10:00:00.000Z" }])]));
    expect(p.counts).toMatchObject({ eventsUnchanged: 1, eventsCreated: 0, missingFromFile: 0 });
  });

  it("a stored event with the same event_id and other content is a correction; one not in the file is missing", () => {
    const p = plan(
      [`e1,P1,,,2026-09-04,D11A,`],
      ctx([stored([
        { id: "ev-1", externalId: "e1", letter: "A", outcome: null, date: "2026-09-03", recordedAt: "2026-09-03T10:00:00.000Z" },
        { id: "ev-2", externalId: "e2", letter: "M", outcome: null, date: "2026-09-10", recordedAt: "2026-09-10T10:00:00.000Z" },
      ])]),
    );
    expect(p.pathways[0].corrections).toEqual([{ storedEventId: "ev-1", event: expect.objectContaining({ key: "e1", date: "2026-09-04", letter: "A" }) }]);
    expect(p.missing).toEqual([{ pathwayId: "P1", eventId: "e2" }]);
  });

  it("refuses a row whose type differs from the stored pathway, and a type the unit does not run", () => {
    const p = plan([`e1,P1,,,2026-09-04,D12A,`, `e2,P2,${A},Ola,2026-09-04,D12A,`], ctx([stored([])]));
    expect(p.refused).toEqual([
      { line: 2, column: "type", message: "type «D12» avviker fra det lagrede forløpet («D11»)." },
      { line: 3, column: "type", message: "Enheten har ikke pakkeforløp D12." },
    ]);
  });

  it("refuses a referral date in the future, as a registration by hand does", () => {
    const q = planImport(readEpjCsvText(["event_id,pathway_id,national_id,patient_name,referral_received,date,code", `e1,P1,${A},Ola,2026-12-24,2026-11-20,D11A`].join("\n")), ctx());
    expect(q.refused).toEqual([{ line: 2, column: "referral_received", message: "Henvisningsdatoen 2026-12-24 er i fremtiden." }]);
    expect(q.counts).toMatchObject({ pathwaysCreated: 0, rowsRefused: 1 });
  });

  it("a new pathway takes the earliest referral_received and care_deadline of its rows, in either order", () => {
    const header = "event_id,pathway_id,national_id,patient_name,referral_received,care_deadline,date,code";
    const rows = [`e1,P1,${A},Ola,2026-09-01,2026-10-31,2026-09-03,D11A`, `e2,P1,${A},Ola,2026-08-28,2026-10-15,2026-10-16,D11M`];
    for (const lines of [rows, [...rows].reverse()]) {
      const p = planImport(readEpjCsvText([header, ...lines].join("\n")), ctx());
      expect(p.pathways[0].create).toMatchObject({ referralReceived: "2026-08-28", careDeadline: "2026-10-15" });
    }
  });

  it("takes a patient's or referrer's name of 2 to 200 characters, as the forms do; 1 or 201 (up to the reader's 500) is a refused row naming its column", () => {
    const B = makeNationalId("1985-01-02", 102, { synthetic: true });
    const rows = (patient: string, referrer: string) =>
      planImport(readEpjCsvText(["event_id,pathway_id,national_id,patient_name,referrer,date,code,outcome", `e1,P9,${B},${patient},${referrer},2026-09-03,D11A,`].join("\n")), ctx());
    for (const ok of ["Bo", "x".repeat(200)]) {
      expect(rows(ok, "Fastlege Li").refused, `patient_name of ${ok.length}`).toEqual([]);
      expect(rows("Ola Nordmann", ok).refused, `referrer of ${ok.length}`).toEqual([]);
    }
    expect(rows("O", "Fastlege Li").refused).toEqual([{ line: 2, column: "patient_name", message: "patient_name er for kort (minst 2 tegn: skriv hele navnet)." }]);
    for (const long of [201, 500]) {
      const p = rows("x".repeat(long), "Fastlege Li");
      expect(p.refused).toEqual([{ line: 2, column: "patient_name", message: `patient_name er for langt (${long} tegn, høyst 200).` }]);
      expect(p.counts).toMatchObject({ pathwaysCreated: 0, patientsCreated: 0, rowsRefused: 1 });
      expect(rows("Ola Nordmann", "x".repeat(long)).refused).toEqual([{ line: 2, column: "referrer", message: `referrer er for langt (${long} tegn, høyst 200).` }]);
    }
    expect(rows("Ola Nordmann", "F").refused).toEqual([{ line: 2, column: "referrer", message: "referrer er for kort (minst 2 tegn: skriv hele navnet)." }]);
    // left out, the columns are optional as before (a known patient; the referrer "Ukjent (EPJ-uttrekk)")
    expect(planImport(readEpjCsvText(["event_id,pathway_id,national_id,patient_name,referrer,date,code,outcome", `e1,P9,${A},,,2026-09-03,D11A,`].join("\n")), ctx()).refused).toEqual([]);
  });
});
