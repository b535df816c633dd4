import { describe, expect, it } from "vitest";
import { countLabel, dueInWindow, dueText, kindsFor, notificationHref, notificationWindow, NOTIFICATION_RULES } from "@/domain/notifications";
import { composeDigest } from "@/domain/notifications/digest";
import { DIGEST_MAX_ATTEMPTS, digestDue, nextAttemptAt, osloTimeOf } from "@/domain/notifications/schedule";

// Varsler (issue 20): the horizon window, the item texts and links, the
// digest's words (counts and links only) and its timing, on a pinned clock.
const TODAY = "2026-11-30";
const NOW = new Date("2026-11-30T09:00:00Z");

describe("the notification window (horizon)", () => {
  it("takes a deadline due on today + horizon, not the day after; overdue ones always", () => {
    const w = notificationWindow(TODAY, NOW);
    expect(w.horizonEnd).toBe("2026-12-07"); // default 7 days
    expect(dueInWindow("2026-12-07", w)).toBe(true);
    expect(dueInWindow("2026-12-08", w)).toBe(false);
    expect(dueInWindow("2026-01-01", w)).toBe(true);
    expect(dueInWindow(TODAY, w)).toBe(true);
  });

  it("a horizon of 0 is today only; it is clamped to 0…60 days", () => {
    expect(notificationWindow(TODAY, NOW, 0).horizonEnd).toBe(TODAY);
    expect(notificationWindow(TODAY, NOW, 1).horizonEnd).toBe("2026-12-01");
    expect(notificationWindow(TODAY, NOW, -3).horizonEnd).toBe(TODAY);
    expect(notificationWindow(TODAY, NOW, 999).horizonEnd).toBe("2027-01-29");
  });

  it("crosses a month and a year end by calendar days", () => {
    expect(notificationWindow("2026-12-28", NOW).horizonEnd).toBe("2027-01-04");
  });

  it("a pathway assigned within the last 7 days is new", () => {
    expect(notificationWindow(TODAY, NOW).assignedSince.toISOString()).toBe("2026-11-23T09:00:00.000Z");
  });

  it("clinicians get their own kinds, coordinators also the units' referrals and legal deadlines, others none", () => {
    expect(kindsFor("CLINICIAN")).toEqual(["DEADLINE", "ASSIGNED", "NOTICE"]);
    expect(kindsFor("COORDINATOR")).toEqual(["DEADLINE", "ASSIGNED", "NOTICE", "REFERRAL", "LEGAL_DEADLINE"]);
    expect(kindsFor("LEADER")).toEqual([]);
    expect(kindsFor("ADMIN")).toEqual([]);
  });
});

describe("an item's text and link", () => {
  it("says by how much a deadline is late, or when it is due", () => {
    expect(dueText("2026-11-27", TODAY)).toBe("Forfalt for 3 dager siden (27.11.2026)");
    expect(dueText("2026-11-29", TODAY)).toBe("Forfalt for 1 dag siden (29.11.2026)");
    expect(dueText(TODAY, TODAY)).toBe("Forfaller i dag (30.11.2026)");
    expect(dueText("2026-12-01", TODAY)).toBe("Forfaller i morgen (01.12.2026)");
    expect(dueText("2026-12-05", TODAY)).toBe("Forfaller om 5 dager (05.12.2026)");
  });

  it("links to where it is dealt with", () => {
    expect(notificationHref({ kind: "DEADLINE", pathwayId: "p1", referralId: "r1" })).toBe("/forlop/p1");
    expect(notificationHref({ kind: "NOTICE", pathwayId: "p1", referralId: "r1" })).toBe("/forlop/p1#notices-heading");
    expect(notificationHref({ kind: "REFERRAL", pathwayId: "p1", referralId: "r1" })).toBe("/henvisninger/r1");
  });

  it("the header counts up to 99 and then says 99+", () => {
    expect(countLabel(0)).toBe("0");
    expect(countLabel(NOTIFICATION_RULES.countCap)).toBe("99");
    expect(countLabel(NOTIFICATION_RULES.countCap + 1)).toBe("99+");
  });
});

describe("the digest mail", () => {
  it("holds counts and links only, in Norwegian, plain text and HTML", () => {
    const mail = composeDigest({ day: TODAY, counts: { DEADLINE: 2, NOTICE: 1, REFERRAL: 0 }, baseUrl: "https://fv.example.no/" })!;
    expect(mail.subject).toBe("Forløpsvakt 30.11.2026: 3 varsler");
    expect(mail.text).toContain("- 1 koder du registrerte som venter på begrunnelse");
    expect(mail.text).toContain("- 2 frister på dine forløp");
    expect(mail.text).not.toContain("henvisninger");
    expect(mail.text).toContain("https://fv.example.no/varsler");
    expect(mail.text).toContain("https://fv.example.no/innstillinger");
    expect(mail.html).toContain('<a href="https://fv.example.no/varsler">');
    expect(mail.html).toContain('lang="nb"');
    expect(mail.text).not.toMatch(/\d{11}/);
  });

  it("is not sent on a day with nothing to say, unless asked for (then it says so)", () => {
    expect(composeDigest({ day: TODAY, counts: {}, baseUrl: "http://x" })).toBeNull();
    expect(composeDigest({ day: TODAY, counts: { DEADLINE: 0 }, baseUrl: "http://x" })).toBeNull();
    const forced = composeDigest({ day: TODAY, counts: {}, baseUrl: "http://x", always: true })!;
    expect(forced.subject).toBe("Forløpsvakt 30.11.2026: ingen varsler");
    expect(forced.text).toContain("Du har ingen varsler i Forløpsvakt i dag.");
  });

  it("is one varsel in the singular", () => {
    expect(composeDigest({ day: TODAY, counts: { ASSIGNED: 1 }, baseUrl: "http://x" })!.subject).toBe("Forløpsvakt 30.11.2026: 1 varsel");
  });
});

describe("when the digest is due", () => {
  it("reads the Oslo clock in winter (UTC+1) and summer (UTC+2)", () => {
    expect(osloTimeOf(new Date("2026-11-30T06:29:00Z"))).toBe("07:29");
    expect(digestDue("07:30", new Date("2026-11-30T06:29:00Z"))).toBe(false);
    expect(digestDue("07:30", new Date("2026-11-30T06:30:00Z"))).toBe(true);
    expect(digestDue("07:30", new Date("2026-06-30T05:30:00Z"))).toBe(true);
    expect(digestDue("07:30", new Date("2026-06-30T05:29:00Z"))).toBe(false);
    // the day after the spring change: 07:30 Oslo is 05:30 UTC
    expect(osloTimeOf(new Date("2026-03-30T05:30:00Z"))).toBe("07:30");
  });

  it("retries after 1, 5 and 30 minutes, then gives up", () => {
    expect(nextAttemptAt(1, NOW)?.toISOString()).toBe("2026-11-30T09:01:00.000Z");
    expect(nextAttemptAt(2, NOW)?.toISOString()).toBe("2026-11-30T09:05:00.000Z");
    expect(nextAttemptAt(3, NOW)?.toISOString()).toBe("2026-11-30T09:30:00.000Z");
    expect(DIGEST_MAX_ATTEMPTS).toBe(4);
    expect(nextAttemptAt(4, NOW)).toBeNull();
  });
});
