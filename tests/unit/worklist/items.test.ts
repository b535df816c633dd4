import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluatePathway, type PathwayInput } from "@/domain/rules";
import { describeItem, noticeKey, worklistItems, type WorklistItemDraft } from "@/domain/worklist";

const TODAY = "2026-11-22";

function pathway(events: [string, string | null, string][], type: PathwayInput["type"] = "D11"): PathwayInput {
  return {
    id: "p1",
    type,
    setting: "poliklinikk",
    referralReceived: "2026-08-01",
    events: events.map(([code, outcome, date], i) => ({ id: `e${i}`, code, outcome, date, recordedAt: `${date}T10:00:00.000Z` })),
  };
}

function items(input: PathwayInput, explained: string[] = []): WorklistItemDraft[] {
  return worklistItems(input, evaluatePathway(input, TODAY), { concurrent: [], explainedNoticeKeys: new Set(explained) });
}

const byReason = (list: WorklistItemDraft[], reason: WorklistItemDraft["reason"]) => list.filter((i) => i.reason === reason);

describe("worklist items from the rules engine's verdict", () => {
  it("an open basis assessment is a deadline row due on day 42 after M", () => {
    const rows = byReason(items(pathway([["A", null, "2026-08-05"], ["M", null, "2026-10-01"]])), "DEADLINE");
    expect(rows).toEqual([expect.objectContaining({ deadlineKind: "basis_assessment", dueOn: "2026-11-12", sinceOn: "2026-10-01", key: "deadline:basis_assessment:2026-10-01" })]);
  });

  it("a referral without any code is 'not assessed' with its 10-working-day due date", () => {
    const rows = byReason(items(pathway([])), "REFERRAL_NOT_ASSESSED");
    // 01.08.2026 is a Saturday: ten working days end on Friday 14.08.
    expect(rows).toEqual([expect.objectContaining({ dueOn: "2026-08-14", sinceOn: "2026-08-01" })]);
  });

  it("a missing start is one coding-error row (the notice), not also an unassessed referral", () => {
    const list = items(pathway([["M", null, "2026-09-01"]]));
    expect(byReason(list, "REFERRAL_NOT_ASSESSED")).toEqual([]);
    expect(byReason(list, "NOTICE_UNEXPLAINED").map((i) => i.noticeId)).toContain("MISSING_START");
  });

  it("a clinical decision without feedback to the referrer is due 14 days later; an F on or after it clears it", () => {
    const without = items(pathway([["A", null, "2026-08-05"], ["M", null, "2026-09-01"], ["C", "P", "2026-10-01"]]));
    expect(byReason(without, "FEEDBACK_MISSING")).toEqual([expect.objectContaining({ dueOn: "2026-10-15", eventId: "e2", outcome: "P" })]);
    const withF = items(pathway([["A", null, "2026-08-05"], ["M", null, "2026-09-01"], ["C", "P", "2026-10-01"], ["F", null, "2026-10-01"]]));
    expect(byReason(withF, "FEEDBACK_MISSING")).toEqual([]);
  });

  it("an outcome that ends the pathway (K) while it is still open asks for closing", () => {
    const list = items(pathway([["A", null, "2026-08-05"], ["M", null, "2026-09-01"], ["C", "K", "2026-10-01"], ["F", null, "2026-10-02"]]));
    expect(byReason(list, "OUTCOME_NOT_CLOSED")).toEqual([expect.objectContaining({ outcome: "K", dueOn: "2026-10-15" })]);
  });

  it("a closed pathway has no deadline, feedback or inactivity rows, but keeps its notices", () => {
    const list = items(pathway([["A", null, "2026-08-05"], ["C", "K", "2026-09-01"], ["X", "K", "2026-09-10"]]));
    expect(list.map((i) => i.reason)).toEqual(["NOTICE_UNEXPLAINED"]);
    expect(list[0].noticeId).toBe("C_WITHOUT_M");
  });

  it("an explained notice leaves the list", () => {
    const input = pathway([["A", null, "2026-08-05"], ["C", "K", "2026-09-01"], ["X", "K", "2026-09-10"]]);
    const key = noticeKey({ id: "C_WITHOUT_M", date: "2026-09-01", eventId: "e1" });
    expect(items(input, [key])).toEqual([]);
  });

  it("inactivity is due 60 days after the last event", () => {
    const list = items(pathway([["A", null, "2026-08-05"], ["M", null, "2026-09-01"]]));
    expect(byReason(list, "INACTIVE")).toEqual([expect.objectContaining({ dueOn: "2026-10-31", sinceOn: "2026-09-01" })]);
  });

  it("a started pathway without M is a row after 28 days where no national norm exists, and a deadline row where one does", () => {
    const d11 = items(pathway([["A", null, "2026-10-01"]]));
    expect(byReason(d11, "NO_FIRST_ATTENDANCE")).toEqual([expect.objectContaining({ dueOn: "2026-10-29" })]);
    const d06 = items(pathway([["A", null, "2026-10-01"]], "D06"));
    expect(byReason(d06, "NO_FIRST_ATTENDANCE")).toEqual([]);
    expect(byReason(d06, "DEADLINE").map((i) => i.deadlineKind)).toContain("first_attendance");
  });

  it("keys are stable and unique within a pathway", () => {
    const input = pathway([["A", null, "2026-08-05"], ["C", "U", "2026-09-01"], ["C", "P", "2026-10-01"], ["C", "K", "2026-10-05"]]);
    const keys = items(input).map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(items(input).map((i) => i.key)).toEqual(keys);
  });
});

describe("worklist row text", () => {
  it("says in Norwegian what is wrong", () => {
    expect(describeItem({ reason: "DEADLINE", dueOn: "2026-11-12", sinceOn: "2026-10-01", deadlineKind: "basis_assessment", noticeId: null, outcome: null }, TODAY)).toBe(
      "Basisutredning: fristen 12.11.2026 er passert",
    );
    expect(describeItem({ reason: "DEADLINE", dueOn: "2026-11-30", sinceOn: "2026-10-19", deadlineKind: "basis_assessment", noticeId: null, outcome: null }, TODAY)).toBe(
      "Basisutredning: frist 30.11.2026",
    );
    expect(describeItem({ reason: "FEEDBACK_MISSING", dueOn: "2026-10-15", sinceOn: "2026-10-01", deadlineKind: null, noticeId: null, outcome: "P" }, TODAY)).toBe(
      "Klinisk beslutning 01.10.2026 uten tilbakemelding til henviser (F)",
    );
    expect(describeItem({ reason: "NOTICE_UNEXPLAINED", dueOn: "2026-09-01", sinceOn: "2026-09-01", deadlineKind: null, noticeId: "C_WITHOUT_M", outcome: null }, TODAY)).toBe(
      "Kode C (klinisk beslutning) mangler forutgående kode M (første frammøte) (01.09.2026)",
    );
  });

  it("two decisions of one day give the same rows whatever order the events arrive in", () => {
    const input = pathway([["A", null, "2026-08-05"], ["M", null, "2026-08-10"], ["C", "P", "2026-09-01"], ["C", "K", "2026-09-01"]]);
    const reversed = { ...input, events: [...input.events].reverse() };
    expect(items(reversed)).toEqual(items(input));
  });

  // Issue 14: the rows follow the engine's verdict, which never depends on the
  // order events arrive in or on their registration times on one day (distinct
  // letters per day: two of one letter on a day are ordered by recorded time).
  it("property: shuffled events and registration times give the same rows", () => {
    const letters = ["A", "M", "C", "E", "F", "L", "X", "H", "S", "U"];
    const outcomeFor: Record<string, string | null> = { C: "P", X: "K", H: "1", S: "2", U: "BP" };
    const day = fc.integer({ min: 0, max: 5 }).map((n) => `2026-0${8 + Math.floor(n / 3)}-1${n % 3}`);
    const list = fc.uniqueArray(fc.record({ date: day, letter: fc.constantFrom(...letters), kOutcome: fc.boolean() }), { selector: (e) => `${e.date}${e.letter}`, maxLength: 12 });
    fc.assert(
      fc.property(list, fc.infiniteStream(fc.nat()), (events, randoms) => {
        const input = pathway(events.map((e) => [e.letter, e.letter === "C" && e.kOutcome ? "K" : outcomeFor[e.letter] ?? null, e.date]));
        const shuffled = {
          ...input,
          events: input.events
            .map((e) => ({ e: { ...e, recordedAt: `${e.date}T0${randoms.next().value % 10}:00:00.000Z` }, key: randoms.next().value }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.e),
        };
        expect(items(shuffled)).toEqual(items(input));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
