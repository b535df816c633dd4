import { describe, expect, it } from "vitest";
import { GROUP_SLUGS, groupOf, groupRank, isNoticeReason, WORKLIST_GROUPS, WORKLIST_REASONS } from "@/domain/worklist";
import { rowStatus } from "@/domain/worklist/row-status";

const TODAY = "2026-11-22";

describe("the worklist's urgency order", () => {
  it("ranks breaches of patient rights, then legal deadlines due, then overdue deadlines, then due soon, then follow-ups, then notices", () => {
    const bySlug = [...GROUP_SLUGS].sort((a, b) => groupRank(a) - groupRank(b));
    expect(bySlug).toEqual(["fristbrudd", "henvisning", "juridisk-frist", "forfalt", "henvisning-snart", "snart", "uten-m", "tilbakemelding", "avslutning", "inaktiv", "merknad", "samtidig"]);
    const bands = bySlug.map((s) => WORKLIST_GROUPS[s].band);
    expect([...new Set(bands)]).toEqual(["rights_breach", "rights_due", "overdue", "due_soon", "follow_up", "notice"]);
  });

  it("puts every reason, overdue or not, in exactly one group", () => {
    for (const reason of WORKLIST_REASONS) {
      for (const dueOn of ["2026-11-21", TODAY, "2026-11-23"]) {
        const matching = GROUP_SLUGS.filter((s) => WORKLIST_GROUPS[s].reason === reason && (!("overdue" in WORKLIST_GROUPS[s]) || (WORKLIST_GROUPS[s] as { overdue: boolean }).overdue === dueOn < TODAY));
        expect(matching, `${reason} ${dueOn}`).toEqual([groupOf(reason, dueOn, TODAY)]);
      }
    }
  });

  it("a referral is 'not assessed within 10 working days' only from the day after the limit; before, it is approaching", () => {
    expect(groupOf("REFERRAL_NOT_ASSESSED", "2026-11-21", TODAY)).toBe("henvisning");
    expect(groupOf("REFERRAL_NOT_ASSESSED", TODAY, TODAY)).toBe("henvisning-snart");
    expect(groupOf("REFERRAL_NOT_ASSESSED", "2026-11-30", TODAY)).toBe("henvisning-snart");
    expect(WORKLIST_GROUPS["henvisning-snart"].label).toMatch(/nærmer seg/);
  });

  it("a notice is never labelled as days over a deadline, however old", () => {
    expect(isNoticeReason("NOTICE_UNEXPLAINED")).toBe(true);
    expect(isNoticeReason("CONCURRENT")).toBe(true);
    expect(isNoticeReason("DEADLINE")).toBe(false);
    const old = rowStatus({ reason: "NOTICE_UNEXPLAINED", dueOn: "2025-10-31" }, TODAY);
    expect(old).toEqual({ text: "Ingen frist (fra 31.10.2025)", tone: "neutral", daysLeft: null });
    expect(rowStatus({ reason: "DEADLINE", dueOn: "2026-11-12" }, TODAY)).toMatchObject({ text: "10 dager over fristen", daysLeft: -10 });
  });
});
