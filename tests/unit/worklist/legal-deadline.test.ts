import { describe, expect, it } from "vitest";
import { evaluatePathway, type PathwayInput } from "@/domain/rules";
import { describeItem, REASON_LABELS, WORKLIST_REASONS, worklistItems, type WorklistItemDraft } from "@/domain/worklist";
import { rowStatus } from "@/domain/worklist/row-status";
import { groupOf, REASON_FILTERS } from "@/server/worklist/filters";

// The legal deadline (juridisk frist) on the coordinator's worklist: due within
// the horizon, then fristbrudd, both ranked above the advisory norms.

const DUE = "2026-10-15";

function pathway(events: [string, string | null, string][], careDeadline: string | null = DUE): PathwayInput {
  return {
    id: "p1",
    type: "D11",
    setting: "poliklinikk",
    referralReceived: "2026-08-24",
    careDeadline,
    events: events.map(([code, outcome, date], i) => ({ id: `e${i}`, code, outcome, date, recordedAt: `${date}T10:00:00.000Z` })),
  };
}

function legalRows(input: PathwayInput, today: string): WorklistItemDraft[] {
  return worklistItems(input, evaluatePathway(input, today), { concurrent: [], explainedNoticeKeys: new Set() }).filter((i) => i.deadlineKind === "care_start");
}

const START: [string, null, string] = ["A", null, "2026-09-01"];

describe("legal deadline rows", () => {
  it("before and on the deadline day: 'juridisk frist', due on the deadline", () => {
    for (const today of ["2026-09-02", DUE]) {
      expect(legalRows(pathway([START]), today)).toEqual([
        { reason: "LEGAL_DEADLINE", key: "deadline:care_start:2026-09-01", dueOn: DUE, sinceOn: "2026-09-01", deadlineKind: "care_start", noticeId: null, eventId: null, outcome: null },
      ]);
    }
  });

  it("the day after without an M: the same row (same key, so a postponement holds) becomes a fristbrudd", () => {
    expect(legalRows(pathway([START]), "2026-10-16")).toEqual([expect.objectContaining({ reason: "LEGAL_DEADLINE_BREACHED", key: "deadline:care_start:2026-09-01", dueOn: DUE, sinceOn: "2026-09-01", eventId: null })]);
  });

  it("an M on the deadline day clears it; an M the day after settles a fristbrudd that names that M", () => {
    expect(legalRows(pathway([START, ["M", null, DUE]]), "2026-11-22")).toEqual([]);
    expect(legalRows(pathway([START, ["M", null, "2026-10-16"]]), "2026-11-22")).toEqual([
      expect.objectContaining({ reason: "LEGAL_DEADLINE_BREACHED", key: "deadline:care_start:2026-09-01", dueOn: DUE, sinceOn: "2026-10-16", eventId: "e1" }),
    ]);
  });

  it("names the M the engine counted among same-day M (annulled ones aside)", () => {
    const input = pathway([START, ["M", null, "2026-10-20"], ["M", null, "2026-10-20"]]);
    input.events[1].recordedAt = "2026-10-20T12:00:00.000Z";
    input.events[2].recordedAt = "2026-10-20T09:00:00.000Z";
    expect(legalRows(input, "2026-11-22")[0].eventId).toBe("e2");
    input.events[2].annulled = true;
    expect(legalRows(input, "2026-11-22")[0].eventId).toBe("e1");
  });

  it("a closed pathway, or one without a legal deadline, has no such row", () => {
    expect(legalRows(pathway([START, ["C", "K", "2026-10-20"], ["X", "K", "2026-10-21"]]), "2026-11-22")).toEqual([]);
    expect(legalRows(pathway([START], null), "2026-11-22")).toEqual([]);
  });

  it("is no ordinary advisory deadline row", () => {
    const input = pathway([START]);
    const all = worklistItems(input, evaluatePathway(input, "2026-11-22"), { concurrent: [], explainedNoticeKeys: new Set() });
    expect(all.filter((i) => i.reason === "DEADLINE" && i.deadlineKind === "care_start")).toEqual([]);
  });
});

describe("legal deadline rank and text", () => {
  it("ranks fristbrudd among the breaches of patient rights, and the legal deadline next, above the advisory deadlines", () => {
    expect(WORKLIST_REASONS.slice(0, 3)).toEqual(["LEGAL_DEADLINE_BREACHED", "LEGAL_DEADLINE", "DEADLINE"]);
    const order = Object.keys(REASON_FILTERS);
    expect(order.slice(0, 2)).toEqual(["fristbrudd", "henvisning"]);
    expect(order.indexOf("juridisk-frist")).toBeLessThan(order.indexOf("forfalt"));
    expect(REASON_FILTERS.fristbrudd.band).toBe("rights_breach");
    expect(groupOf("LEGAL_DEADLINE_BREACHED", "2026-10-15", "2026-11-22")).toBe("fristbrudd");
    expect(groupOf("LEGAL_DEADLINE", "2026-12-15", "2026-11-22")).toBe("juridisk-frist");
    expect(REASON_FILTERS["juridisk-frist"].label).toBe("Juridisk frist innen horisonten");
    expect(REASON_LABELS.LEGAL_DEADLINE_BREACHED).toBe("Fristbrudd");
  });

  it("says in Norwegian what is due, what is breached and by how much", () => {
    const base = { deadlineKind: "care_start", noticeId: null, outcome: null, sinceOn: "2026-09-01" };
    expect(describeItem({ ...base, reason: "LEGAL_DEADLINE", dueOn: "2026-12-01" }, "2026-11-22")).toBe("Juridisk frist 01.12.2026: første frammøte (M) må skje senest denne dagen");
    expect(describeItem({ ...base, reason: "LEGAL_DEADLINE_BREACHED", dueOn: DUE }, "2026-11-22")).toBe(
      "Fristbrudd: juridisk frist 15.10.2026 er passert uten første frammøte (M); pasienten har rett til helsehjelp uten opphold, om nødvendig hos en annen tjenesteyter (HELFO Pasientformidling)",
    );
    expect(describeItem({ ...base, reason: "LEGAL_DEADLINE_BREACHED", dueOn: DUE, sinceOn: "2026-10-21", eventId: "e1" }, "2026-11-22")).toBe(
      "Fristbrudd: første frammøte 21.10.2026, 6 dager etter juridisk frist 15.10.2026",
    );
    // between midnight and the night's recompute an open row past due already reads as a breach
    expect(describeItem({ ...base, reason: "LEGAL_DEADLINE", dueOn: "2026-11-21" }, "2026-11-22")).toBe("Juridisk frist 21.11.2026 er passert uten første frammøte (M): fristbrudd");
  });
});

describe("legal deadline status badge", () => {
  it("a settled fristbrudd keeps its lateness; an open one counts the days like any deadline", () => {
    const settled = { reason: "LEGAL_DEADLINE_BREACHED" as const, dueOn: DUE, sinceOn: "2026-10-21", eventId: "e1" };
    expect(rowStatus(settled, "2026-11-22")).toMatchObject({ text: "Første frammøte 6 dager etter fristen", tone: "late" });
    expect(rowStatus({ ...settled, sinceOn: "2026-10-16" }, "2027-01-01").text).toBe("Første frammøte 1 dag etter fristen");
    expect(rowStatus({ ...settled, sinceOn: "2026-09-01", eventId: null }, "2026-11-22")).toMatchObject({ text: "38 dager over fristen", tone: "late" });
  });
});
