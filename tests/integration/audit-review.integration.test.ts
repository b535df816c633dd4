import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { AuditAction } from "@/generated/prisma/enums";
import type { Role } from "@/domain/permissions";
import { MANY_PATIENTS_THRESHOLD } from "@/domain/audit/patterns";
import { PermissionDenied } from "@/server/auth/assert";
import { accessReport } from "@/server/audit-review/access-report";
import { auditCsv } from "@/server/audit-review/export";
import { auditFilterSchema } from "@/server/audit-review/filters";
import { findPatientForReview } from "@/server/audit-review/find-patient";
import { auditPatterns } from "@/server/audit-review/patterns";
import { auditUserOptions, searchAuditLog } from "@/server/audit-review/search";
import { createClient } from "@/server/clients/create";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Issue 18, audit-log review (/revisjon): the search by patient, user, period
// and action, paged by row id; the access report; the patterns worth a look
// over crafted rows with pinned instants; every review audited; the privacy
// officer (audit.read) only.

const TODAY = "2026-11-29";
const { db } = useAppDatabase();

type Row = { userId: string; action: AuditAction; at: string; patientId?: string; patientIds?: string[]; pathwayId?: string; detail?: object; ip?: string };
async function insert(d: PrismaClient, rows: Row[]) {
  await d.auditEvent.createMany({ data: rows.map((r) => ({ ...r, at: new Date(r.at), ip: r.ip ?? "10.1.2.3" })) });
}
const parse = (q: Record<string, string>) => auditFilterSchema.parse(q);

async function world() {
  const unit = await makeUnit(db());
  const a = await makeActor(db(), "CLINICIAN", [unit.id]);
  const b = await makeActor(db(), "CLINICIAN", [unit.id]);
  const officer = await makeActor(db(), "PRIVACY_OFFICER", []);
  const p1 = await makePathway(db(), unit.id, a.user.id);
  const p2 = await makePathway(db(), unit.id, a.user.id);
  return { unit, a, b, officer, p1, p2 };
}

describe("searching the audit log", () => {
  it("filters by patient, user, action and Oslo period, newest first, paged by row id, and audits each search", async () => {
    const { unit, a, b, officer, p1, p2 } = await world();
    await insert(db(), [
      { userId: a.user.id, action: "PATHWAY_VIEWED", at: "2026-11-02T10:00:00Z", patientId: p1.patientId, pathwayId: p1.id },
      // 00:30 on 3 November in Oslo
      { userId: b.user.id, action: "PATHWAY_VIEWED", at: "2026-11-02T23:30:00Z", patientId: p2.patientId, pathwayId: p2.id },
      { userId: a.user.id, action: "WORKLIST_VIEWED", at: "2026-11-04T09:00:00Z", patientIds: [p1.patientId, p2.patientId] },
      { userId: a.user.id, action: "EVENT_CREATED", at: "2026-11-05T09:00:00Z", patientId: p1.patientId, pathwayId: p1.id, detail: { code: "M" } },
    ]);

    const byPatient = await searchAuditLog(officer, parse({ pasient: p1.patientId }));
    expect(byPatient.patient?.id).toBe(p1.patientId);
    expect(byPatient.rows.map((r) => [r.action, r.userId, r.viaList])).toEqual([
      ["EVENT_CREATED", a.user.id, false],
      ["WORKLIST_VIEWED", a.user.id, true],
      ["PATHWAY_VIEWED", a.user.id, false],
    ]);
    expect(byPatient.rows[0]).toMatchObject({ userRole: "CLINICIAN", unit: unit.name, ip: "10.1.2.3", patientNationalId: expect.stringMatching(/^\d{11}$/) });
    expect(byPatient.rows[1]).toMatchObject({ listCount: 2, unit: unit.name });

    const byUser = await searchAuditLog(officer, parse({ bruker: b.user.id }));
    expect(byUser.rows.map((r) => r.patientId)).toEqual([p2.patientId]);
    const byAction = await searchAuditLog(officer, parse({ handling: "EVENT_CREATED", bruker: a.user.id }));
    expect(byAction.rows.map((r) => r.action)).toEqual(["EVENT_CREATED"]);
    // the period is Oslo days: 23:30 UTC on 2 November is 3 November
    const byPeriod = await searchAuditLog(officer, parse({ fra: "2026-11-03", til: "2026-11-04" }));
    expect(byPeriod.rows.filter((r) => [a.user.id, b.user.id].includes(r.userId!)).map((r) => r.action)).toEqual(["WORKLIST_VIEWED", "PATHWAY_VIEWED"]);

    // keyset paging: two at a time, every row once (by user: the searches
    // above now name the patient too, the officer's own rows are in the log)
    const all = await searchAuditLog(officer, parse({ bruker: a.user.id }));
    expect(all.rows).toHaveLength(3);
    const first = await searchAuditLog(officer, parse({ bruker: a.user.id }), 2);
    const second = await searchAuditLog(officer, parse({ bruker: a.user.id, etter: first.nextCursor! }), 2);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    expect((await searchAuditLog(officer, parse({ pasient: p1.patientId }))).rows[0]).toMatchObject({ userId: officer.user.id, action: "AUDIT_SEARCHED" });
    expect(second.nextCursor).toBeNull();

    // each search left a row: the patient searched for, the patients shown
    const searches = await db().auditEvent.findMany({ where: { userId: officer.user.id, action: "AUDIT_SEARCHED" }, orderBy: { id: "asc" } });
    expect(searches).toHaveLength(8);
    expect(searches[0]).toMatchObject({ patientId: p1.patientId, patientIds: [p1.patientId], ip: "10.0.0.1" });
    expect(searches[1]).toMatchObject({ patientId: null, patientIds: [p2.patientId] });
  });

  it("resolves a typed national id on the server; an unknown one finds nothing and is audited without the id", async () => {
    const { officer, p1 } = await world();
    const patient = await db().patient.findUniqueOrThrow({ where: { id: p1.patientId } });
    expect(await findPatientForReview(officer, patient.nationalId)).toBe(p1.patientId);
    expect(await findPatientForReview(officer, "01018012345")).toBeNull();
    const rows = await db().auditEvent.findMany({ where: { userId: officer.user.id } });
    expect(rows).toEqual([expect.objectContaining({ action: "AUDIT_SEARCHED", patientId: null, detail: { byPatient: true, matched: false, rows: 0 } })]);
    expect(JSON.stringify(rows.map((r) => ({ ...r, id: String(r.id) })))).not.toContain("01018012345");
    // an id that is no patient's: nothing found, nothing named
    const none = await searchAuditLog(officer, parse({ pasient: "c0000000000000000000000000" }));
    expect(none).toMatchObject({ rows: [], patient: null });
  });

  it("exports the rows as CSV for Excel with formulas defused, and audits the download", async () => {
    const { a, officer, p1 } = await world();
    await db().user.update({ where: { id: a.user.id }, data: { name: "=HYPERLINK(\"http://x\")" } });
    await insert(db(), [{ userId: a.user.id, action: "PATHWAY_VIEWED", at: "2026-11-02T10:00:00Z", patientId: p1.patientId, pathwayId: p1.id, ip: "-1+1" }]);
    const { csv, fileName } = await auditCsv(officer, new URLSearchParams({ pasient: p1.patientId }), TODAY);
    expect(fileName).toBe("revisjonslogg-2026-11-29.csv");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("\uFEFFTidspunkt;Bruker;Rolle;Enhet;Kanal;Hva;Pasient;Adresse");
    expect(lines[1]).toMatch(/^02\.11\.2026 kl\. 11:00;"'=HYPERLINK\(""http:\/\/x""\)";Behandler;.*;Side;Åpnet pakkeforløpet;\d{11};'-1\+1$/);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { userId: officer.user.id, action: "EXPORT_DOWNLOADED" } });
    expect(audit).toMatchObject({ patientId: p1.patientId, patientIds: [p1.patientId], detail: expect.objectContaining({ list: "audit", rows: 1 }) });
  });

  it("reports who accessed one patient in a period, in plain Norwegian, and audits the report", async () => {
    const { a, b, officer, p1 } = await world();
    await insert(db(), [
      { userId: a.user.id, action: "PATHWAY_VIEWED", at: "2026-10-31T10:00:00Z", patientId: p1.patientId, pathwayId: p1.id },
      { userId: b.user.id, action: "WORKLIST_VIEWED", at: "2026-11-10T10:00:00Z", patientIds: [p1.patientId] },
      { userId: a.user.id, action: "PATHWAY_VIEWED", at: "2026-12-01T10:00:00Z", patientId: p1.patientId, pathwayId: p1.id },
    ]);
    const report = await accessReport(officer, p1.patientId, { from: "2026-11-01", to: "2026-11-30" });
    expect(report?.rows.map((r) => [r.userId, r.action])).toEqual([[b.user.id, "WORKLIST_VIEWED"]]);
    expect(report?.truncated).toBe(false);
    expect(await db().auditEvent.findFirst({ where: { userId: officer.user.id, action: "ACCESS_REPORT_VIEWED" } })).toMatchObject({
      patientId: p1.patientId,
      detail: { from: "2026-11-01", to: "2026-11-30", rows: 1 },
    });
  });

  it("refuses every role but the privacy officer, the administrator included", async () => {
    const { unit, p1 } = await world();
    for (const role of ["CLINICIAN", "COORDINATOR", "LEADER", "ADMIN"] as Role[]) {
      const actor = await makeActor(db(), role, role === "ADMIN" ? [] : [unit.id]);
      await expect(searchAuditLog(actor, parse({}))).rejects.toBeInstanceOf(PermissionDenied);
      await expect(findPatientForReview(actor, "01018012345")).rejects.toBeInstanceOf(PermissionDenied);
      await expect(accessReport(actor, p1.patientId, { from: "2026-11-01", to: "2026-11-30" })).rejects.toBeInstanceOf(PermissionDenied);
      await expect(auditCsv(actor, new URLSearchParams(), TODAY)).rejects.toBeInstanceOf(PermissionDenied);
      await expect(auditPatterns(actor, { from: "2026-11-23", to: "2026-11-29" })).rejects.toBeInstanceOf(PermissionDenied);
      expect(await db().auditEvent.count({ where: { userId: actor.user.id } })).toBe(0);
    }
  });

  it("offers people as the user filter, never a machine client's principal (its rows name the client)", async () => {
    const { unit, a, officer } = await world();
    const admin = await makeActor(db(), "ADMIN", []);
    const { id } = await createClient(admin, { name: "EPJ revisjon", unitIds: [unit.id], scopes: ["pathways:read"] });
    const { principalUserId } = await db().machineClient.findUniqueOrThrow({ where: { id } });
    const offered = (await auditUserOptions(officer)).map((u) => u.id);
    expect(offered).toContain(a.user.id);
    expect(offered).not.toContain(principalUserId);
  });
});

describe("patterns worth a look", () => {
  const minutes = (start: string, n: number) => new Date(new Date(start).getTime() + n * 60_000).toISOString();

  it(`lists users who read ${MANY_PATIENTS_THRESHOLD} different patients within an hour, across a clock hour too`, async () => {
    const unit = await makeUnit(db());
    const [fast, across, slow, repeat] = await Promise.all([0, 1, 2, 3].map(() => makeActor(db(), "COORDINATOR", [unit.id])));
    const officer = await makeActor(db(), "PRIVACY_OFFICER", []);
    const reads = (userId: string, start: string, count: number, step: number, prefix: string): Row[] =>
      Array.from({ length: count }, (_, i) => ({ userId, action: "PATHWAY_VIEWED", at: minutes(start, i * step), patientId: `${prefix}-${i}` }));
    await insert(db(), [
      ...reads(fast.user.id, "2026-11-24T08:00:00Z", 50, 1, "f"), // 50 within 49 minutes
      ...reads(across.user.id, "2026-11-24T08:40:00Z", 50, 1.2, "x"), // 08:40–09:39: two clock hours
      // 49 within the hour, the 50th 60 minutes after the first: never 50 in one window
      ...reads(slow.user.id, "2026-11-24T08:00:00Z", 49, 1, "s"),
      { userId: slow.user.id, action: "PATHWAY_VIEWED", at: "2026-11-24T09:00:00Z", patientId: "s-49" },
      // 100 reads of 10 patients: many reads, few patients
      ...Array.from({ length: 100 }, (_, i): Row => ({ userId: repeat.user.id, action: "PATHWAY_VIEWED", at: minutes("2026-11-24T08:00:00Z", i * 0.5), patientId: `r-${i % 10}` })),
    ]);
    const { manyPatients } = await auditPatterns(officer, { from: "2026-11-23", to: "2026-11-29" });
    const mine = manyPatients.filter((r) => [fast, across, slow, repeat].some((u) => u.user.id === r.userId));
    expect(mine.map((r) => [r.userId, r.peak])).toEqual([
      [fast.user.id, 50],
      [across.user.id, 50],
    ]);
    expect(mine[0]).toMatchObject({ peakAt: "2026-11-24T08:49:00.000Z", windows: 1, userRole: "COORDINATOR" });
    expect(await db().auditEvent.count({ where: { userId: officer.user.id, action: "AUDIT_PATTERNS_VIEWED" } })).toBe(1);
  });

  it("counts reads outside 07–17 on Oslo working days: early, late, weekend and public holiday", async () => {
    const unit = await makeUnit(db());
    const user = await makeActor(db(), "CLINICIAN", [unit.id]);
    const officer = await makeActor(db(), "PRIVACY_OFFICER", []);
    const read = (at: string, patientId: string): Row => ({ userId: user.user.id, action: "PATHWAY_VIEWED", at, patientId });
    await insert(db(), [
      read("2026-11-23T05:59:59Z", "o-1"), // Monday 06:59:59 Oslo: outside
      read("2026-11-23T06:00:00Z", "o-2"), // 07:00: inside
      read("2026-11-23T15:59:59Z", "o-2"), // 16:59:59: inside
      read("2026-11-23T16:00:00Z", "o-3"), // 17:00: outside
      read("2026-11-28T11:00:00Z", "o-3"), // Saturday noon: outside
      { userId: user.user.id, action: "WORKLIST_VIEWED", at: "2026-11-28T11:00:00Z", patientIds: ["o-4", "o-5"] }, // a list on Saturday
      { userId: user.user.id, action: "LOGIN_SUCCEEDED", at: "2026-11-28T11:00:00Z" }, // no patient: not a read
      read("2026-12-24T11:00:00Z", "o-6"), // Christmas Eve (Thursday) is a working day
      read("2026-12-25T11:00:00Z", "o-7"), // Christmas Day: a public holiday
    ]);
    const week = await auditPatterns(officer, { from: "2026-11-23", to: "2026-11-29" });
    expect(week.outsideHours.filter((r) => r.userId === user.user.id).map((r) => [r.reads, r.patients])).toEqual([[4, 4]]);
    const christmas = await auditPatterns(officer, { from: "2026-12-24", to: "2026-12-27" });
    expect(christmas.outsideHours.filter((r) => r.userId === user.user.id)).toEqual([
      expect.objectContaining({ reads: 1, patients: 1, lastAt: "2026-12-25T11:00:00.000Z" }),
    ]);
  });

  it("counts reads of patients with no pathway where the user is responsible clinician or coordinator", async () => {
    const unit = await makeUnit(db());
    const [responsible, coordinator, other] = [
      await makeActor(db(), "CLINICIAN", [unit.id]),
      await makeActor(db(), "COORDINATOR", [unit.id]),
      await makeActor(db(), "CLINICIAN", [unit.id]),
    ];
    const officer = await makeActor(db(), "PRIVACY_OFFICER", []);
    const pathway = await makePathway(db(), unit.id, responsible.user.id);
    await db().pathway.update({ where: { id: pathway.id }, data: { responsibleClinicianId: responsible.user.id, coordinatorId: coordinator.user.id } });
    const at = "2026-11-24T10:00:00Z";
    await insert(db(), [
      { userId: responsible.user.id, action: "PATHWAY_VIEWED", at, patientId: pathway.patientId, pathwayId: pathway.id },
      { userId: coordinator.user.id, action: "PATHWAY_VIEWED", at, patientId: pathway.patientId, pathwayId: pathway.id },
      { userId: other.user.id, action: "PATHWAY_VIEWED", at, patientId: pathway.patientId, pathwayId: pathway.id },
      { userId: other.user.id, action: "REFERRAL_VIEWED", at, patientId: pathway.patientId },
      // outside the period
      { userId: other.user.id, action: "PATHWAY_VIEWED", at: "2026-11-30T10:00:00Z", patientId: pathway.patientId, pathwayId: pathway.id },
    ]);
    const { noOwnPathway } = await auditPatterns(officer, { from: "2026-11-23", to: "2026-11-29" });
    const mine = noOwnPathway.filter((r) => [responsible, coordinator, other].some((u) => u.user.id === r.userId));
    expect(mine.map((r) => [r.userId, r.reads, r.patients])).toEqual([[other.user.id, 2, 1]]);
  });
});
