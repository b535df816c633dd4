import { describe, expect, it } from "vitest";
import { DOUBLE_SUBMIT_WINDOW_MS, findRepeat, type RecentEvent } from "@/domain/events/double-submit";

// A keyless submission is a repeat only of an event by the same user within
// the last minute with every entered field equal (the caller passes only that
// user's events on the pathway, not annulled).

const NOW = Date.parse("2026-11-22T10:00:00.000Z");
const stored: RecentEvent = { id: "e1", code: "U", outcome: null, activityCode: "AKT-001", date: "2026-11-20", justification: null, recordedAt: "2026-11-22T09:59:30.000Z" };
const same = { code: "U", outcome: null, activityCode: "AKT-001", date: "2026-11-20", justification: null };

describe("findRepeat", () => {
  it("finds the same submission within the minute", () => {
    expect(findRepeat(same, [stored], NOW)?.id).toBe("e1");
  });

  it("the window is one minute, inclusive: stored exactly 60 s ago is a repeat, 60.001 s ago is not", () => {
    const at = (ms: number) => [{ ...stored, recordedAt: new Date(NOW - ms).toISOString() }];
    expect(findRepeat(same, at(DOUBLE_SUBMIT_WINDOW_MS), NOW)).toBeDefined();
    expect(findRepeat(same, at(DOUBLE_SUBMIT_WINDOW_MS + 1), NOW)).toBeUndefined();
  });

  it.each([
    ["code", { code: "M" }],
    ["outcome", { outcome: "P" }],
    ["activity code", { activityCode: "AKT-002" }],
    ["date", { date: "2026-11-21" }],
    ["justification", { justification: "Ny begrunnelse" }],
  ])("a different %s is a new event", (_field, change) => {
    expect(findRepeat({ ...same, ...change }, [stored], NOW)).toBeUndefined();
  });
});
