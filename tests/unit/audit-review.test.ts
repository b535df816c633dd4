import { describe, expect, it } from "vitest";
import { AuditAction } from "@/generated/prisma/enums";
import { AUDIT_ACTION_LABELS, auditChannel, describeAudit } from "@/domain/audit/describe";
import {
  MANY_PATIENTS_THRESHOLD, MAX_PATTERN_PERIOD_DAYS, defaultPatternPeriod, isWithinWorkingHours, nonWorkingDays, patternPeriodProblem,
} from "@/domain/audit/patterns";
import { navigationFor } from "@/features/shell/navigation";

// Issue 18: the audit review's words and rules (pure), at their boundaries.

describe("audit rows in words", () => {
  it("has a Norwegian text for every audit action of the schema", () => {
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual(Object.values(AuditAction).sort());
  });

  it("tells page, API, export and login apart, and names the code of an event", () => {
    expect(auditChannel("PATHWAY_VIEWED", null)).toBe("side");
    expect(auditChannel("PATIENT_LIST_VIEWED", { list: "api", count: 3 })).toBe("API");
    expect(auditChannel("REFERRAL_LIST_VIEWED", { api: true })).toBe("API");
    expect(auditChannel("EXPORT_DOWNLOADED", { list: "worklist" })).toBe("eksport");
    // an import writes patient rows with its job id, and the import itself; a client call is API
    expect(auditChannel("EVENT_CREATED", { importJobId: "j1", added: 2 })).toBe("import");
    expect(auditChannel("EPJ_IMPORTED", { importJobId: "j1" })).toBe("import");
    expect(auditChannel("CLIENT_API_CALL", { operation: "x" })).toBe("API");
    expect(auditChannel("EVENT_CREATED", { import: true })).toBe("import");
    expect(auditChannel("LOGIN_FAILED", { email: "x" })).toBe("innlogging");
    expect(auditChannel("AUDIT_SEARCHED", {})).toBe("revisjon");
    expect(describeAudit("EVENT_CREATED", { code: "C", outcome: "P" })).toBe("Registrerte en kode i forløpet (CP)");
    expect(describeAudit("EXPORT_DOWNLOADED", { list: "worklist" })).toBe("Lastet ned en CSV-fil (arbeidslisten)");
    expect(describeAudit("PATIENT_LIST_VIEWED", { list: "own" })).toBe("Så pasienten i Mine pasienter");
    expect(describeAudit("PATIENT_LOOKUP", { matched: false })).toBe("Søkte på et fødselsnummer uten treff");
    expect(describeAudit("PATHWAY_VIEWED", "garbage")).toBe("Åpnet pakkeforløpet");
  });
});

describe("working hours (Europe/Oslo)", () => {
  it("is 07:00 up to 17:00 on working days", () => {
    expect(isWithinWorkingHours("2026-11-23", 6)).toBe(false); // Monday
    expect(isWithinWorkingHours("2026-11-23", 7)).toBe(true);
    expect(isWithinWorkingHours("2026-11-23", 16)).toBe(true);
    expect(isWithinWorkingHours("2026-11-23", 17)).toBe(false);
  });

  it("leaves out weekends and Norwegian public holidays, not Christmas Eve", () => {
    expect(isWithinWorkingHours("2026-11-28", 12)).toBe(false); // Saturday
    expect(isWithinWorkingHours("2026-05-14", 12)).toBe(false); // Ascension Day 2026
    expect(isWithinWorkingHours("2026-12-24", 12)).toBe(true);
    expect(nonWorkingDays("2026-12-24", "2026-12-28")).toEqual(["2026-12-25", "2026-12-26", "2026-12-27"]);
  });
});

describe("the patterns' period", () => {
  it(`is at most ${MAX_PATTERN_PERIOD_DAYS} days, both ends counted, and by default the last week`, () => {
    expect(patternPeriodProblem("2026-11-01", "2026-12-01")).toBeNull(); // 31 days
    expect(patternPeriodProblem("2026-11-01", "2026-12-02")).toBe("length");
    expect(patternPeriodProblem("2026-11-02", "2026-11-01")).toBe("order");
    expect(defaultPatternPeriod("2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(MANY_PATIENTS_THRESHOLD).toBe(50);
  });
});

describe("the main menu", () => {
  it("gives personvern the review only, and the review to no other role", () => {
    expect(navigationFor("PRIVACY_OFFICER").map((i) => i.href)).toEqual(["/revisjon"]);
    for (const role of ["CLINICIAN", "COORDINATOR", "LEADER", "ADMIN"] as const) {
      expect(navigationFor(role).map((i) => i.href)).not.toContain("/revisjon");
    }
  });
});

describe("periods read from the address (today pinned)", () => {
  it("the patterns: the last week by default, a week from a lone Fra, refused when too long or reversed", async () => {
    const { patternPeriodOf, reportPeriod } = await import("@/server/audit-review/filters");
    expect(patternPeriodOf({}, "2026-11-29")).toEqual({ ok: true, period: { from: "2026-11-23", to: "2026-11-29" } });
    expect(patternPeriodOf({ fra: "2026-11-01" }, "2026-11-29")).toEqual({ ok: true, period: { from: "2026-11-01", to: "2026-11-07" } });
    expect(patternPeriodOf({ fra: "2026-10-01", til: "2026-11-29" }, "2026-11-29")).toEqual({ ok: false, message: "Perioden kan være høyst 31 dager." });
    expect(patternPeriodOf({ fra: "2026-11-29", til: "2026-11-01" }, "2026-11-29")).toMatchObject({ ok: false });
    // the access report: the last 12 months up to today unless chosen
    expect(reportPeriod({}, "2026-11-29")).toEqual({ from: "2025-11-30", to: "2026-11-29" });
  });
});

describe("the search's address", () => {
  it("refuses a page marker beyond the row id's range and a reversed period (a 404, never a database error)", async () => {
    const { auditFilterSchema } = await import("@/server/audit-review/filters");
    expect(auditFilterSchema.safeParse({ etter: "9223372036854775807" }).success).toBe(true);
    expect(auditFilterSchema.safeParse({ etter: "9223372036854775808" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ etter: "0" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ fra: "2026-11-02", til: "2026-11-01" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ handling: ["PATHWAY_VIEWED", "x"], pasient: "" }).data).toEqual({ handling: "PATHWAY_VIEWED" });
  });
});
