import { describe, expect, it } from "vitest";
import { computeIndicators, evaluatePathway } from "@/domain/rules";
import { groupOf, groupRank, isNoticeReason } from "@/domain/worklist";
import { PermissionDenied } from "@/server/auth/assert";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { assignClinician } from "@/server/pathways/assign";
import { recomputeDerived } from "@/server/pathways/derived";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "@/server/pathways/engine-input";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { listWorklist, pageNumber, worklistSummary } from "@/server/worklist/query";
import { listPostponed } from "@/server/worklist/postponed";
import { explainNotice, postponeItem, undoPostponement } from "@/server/worklist/row-actions";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Referral received 2026-09-01 (makePathway), D11 poliklinikk.
const TODAY = "2026-11-22";
const { db } = useAppDatabase();
const filters = (input: Record<string, string> = {}) => worklistFilterSchema.parse(input);

async function pathwayWith(unitId: string, userId: string, events: [string, string | null, string][]) {
  const pathway = await makePathway(db(), unitId, userId, events);
  await recomputeDerived(db(), pathway.id, TODAY);
  return pathway;
}

async function setup() {
  const unit = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  // basis assessment due 2026-11-12: 10 days late
  const late = await pathwayWith(unit.id, coordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-10-01"]]);
  // C without M (a notice), and a decision without feedback
  const notice = await pathwayWith(unit.id, coordinator.user.id, [["A", null, "2026-09-03"], ["C", "P", "2026-11-01"]]);
  return { unit, coordinator, late, notice };
}

describe("the worklist query", () => {
  it("lists overdue deadlines with the largest delay first, only from the actor's units", async () => {
    const { unit, coordinator, late } = await setup();
    const other = await makeUnit(db());
    const otherCoordinator = await makeActor(db(), "COORDINATOR", [other.id]);
    await pathwayWith(other.id, otherCoordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);

    const { rows } = await listWorklist(coordinator, filters({ grunn: "forfalt" }), TODAY);
    expect(rows.map((r) => [r.pathwayId, r.deadlineKind, r.dueOn])).toEqual([[late.id, "basis_assessment", "2026-11-12"]]);
    expect(rows.every((r) => r.unit.id === unit.id)).toBe(true);

    // a foreign unit in the URL gives nothing, not the other unit's rows
    expect((await listWorklist(coordinator, filters({ enhet: other.id }), TODAY)).rows).toEqual([]);
  });

  it("pages with a cursor: every row once, in order, no offsets", async () => {
    const { coordinator } = await setup();
    const all = (await listWorklist(coordinator, filters({ sortering: "frist" }), TODAY, 1000)).rows;
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let etter: string | undefined;
    do {
      const page = await listWorklist(coordinator, filters({ sortering: "frist", ...(etter ? { etter } : {}) }), TODAY, 2);
      seen.push(...page.rows.map((r) => r.id));
      etter = page.nextCursor ?? undefined;
    } while (etter);
    expect(seen).toEqual(all.map((r) => r.id));
    // every deadline by date, then the notices by date
    const dues = all.map((r) => `${isNoticeReason(r.reason) ? 1 : 0} ${r.dueOn}`);
    expect([...dues].sort()).toEqual(dues);
  });

  it("pages the grouped order the same way", async () => {
    const { coordinator } = await setup();
    const all = (await listWorklist(coordinator, filters(), TODAY, 1000)).rows.map((r) => r.id);
    const seen: string[] = [];
    let etter: string | undefined;
    do {
      const page = await listWorklist(coordinator, filters(etter ? { etter } : {}), TODAY, 3);
      seen.push(...page.rows.map((r) => r.id));
      etter = page.nextCursor ?? undefined;
    } while (etter);
    expect(seen).toEqual(all);
    // the urgency order: each group's rank, then by date
    const rows = (await listWorklist(coordinator, filters(), TODAY, 1000)).rows;
    const sortKeys = rows.map((r) => `${String(groupRank(groupOf(r.reason, r.dueOn, TODAY))).padStart(4, "0")} ${r.dueOn}`);
    expect(new Set(rows.map((r) => r.reason)).size).toBeGreaterThan(1);
    expect([...sortKeys].sort()).toEqual(sortKeys);
  });

  it("puts a referral past the legal 10 working days first, above overdue and soon-due deadlines; notices last", async () => {
    const { unit, coordinator, late } = await setup();
    // received 2026-09-01, never assessed: 10 working days ran out 2026-09-15
    const unassessed = await pathwayWith(unit.id, coordinator.user.id, []);
    // 30 basis assessments due within the horizon (M on 2026-10-20: due 2026-12-01)
    for (let i = 0; i < 30; i++) await pathwayWith(unit.id, coordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-10-20"]]);
    const { rows } = await listWorklist(coordinator, filters(), TODAY, 50);
    expect([rows[0].pathwayId, rows[0].reason]).toEqual([unassessed.id, "REFERRAL_NOT_ASSESSED"]);
    expect([rows[1].pathwayId, rows[1].deadlineKind]).toEqual([late.id, "basis_assessment"]);
    const groups = rows.map((r) => groupOf(r.reason, r.dueOn, TODAY));
    expect(groups.slice(0, 3)).toEqual(["henvisning", "forfalt", "snart"]);
    const firstNotice = groups.findIndex((g) => g === "merknad" || g === "samtidig");
    expect(groups.slice(firstNotice).every((g) => g === "merknad" || g === "samtidig")).toBe(true);
  });

  it("sorting by date puts notices after every deadline, however old the notice", async () => {
    const { unit, coordinator } = await setup();
    // a year-old notice (C without M on 2025-10-20) on a pathway closed since
    await pathwayWith(unit.id, coordinator.user.id, [["A", null, "2025-10-01"], ["C", "I", "2025-10-20"], ["X", "I", "2025-10-25"]]);
    const { rows } = await listWorklist(coordinator, filters({ sortering: "frist", horisont: "365" }), TODAY, 1000);
    const firstNotice = rows.findIndex((r) => isNoticeReason(r.reason));
    expect(firstNotice).toBeGreaterThan(0);
    expect(rows.slice(firstNotice).every((r) => isNoticeReason(r.reason))).toBe(true);
    expect(rows.slice(0, firstNotice).map((r) => r.dueOn)).toEqual(rows.slice(0, firstNotice).map((r) => r.dueOn).sort());
  });

  it("splits referrals into those past the limit and those approaching it", async () => {
    const { unit, coordinator } = await setup();
    const past = await pathwayWith(unit.id, coordinator.user.id, []);
    const soon = await makePathway(db(), unit.id, coordinator.user.id, []);
    await db().referral.update({ where: { id: soon.referralId }, data: { receivedDate: new Date("2026-11-20T00:00:00Z") } });
    await recomputeDerived(db(), soon.id, TODAY);
    const ids = async (grunn: string) => (await listWorklist(coordinator, filters({ grunn }), TODAY)).rows.map((r) => r.pathwayId);
    expect(await ids("henvisning")).toEqual([past.id]);
    expect(await ids("henvisning-snart")).toEqual([soon.id]);
  });

  it("counts the whole filtered list for 'side x av y'", async () => {
    const { coordinator } = await setup();
    const summary = await worklistSummary(coordinator, filters(), TODAY);
    expect(summary.total).toBe((await listWorklist(coordinator, filters(), TODAY, 1000)).rows.length);
    const page1 = await listWorklist(coordinator, filters(), TODAY, 2);
    expect(pageNumber(filters({ etter: page1.nextCursor! }))).toBe(2);
    expect(pageNumber(filters())).toBe(1);
  });

  it("refuses a forged cursor with a Norwegian message", async () => {
    const { coordinator } = await setup();
    const error = await listWorklist(coordinator, filters({ etter: "not-a-cursor" }), TODAY).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.etter[0]).toMatch(/ugyldig/);
  });

  it("counts per reason match the rows behind them", async () => {
    const { coordinator } = await setup();
    const summary = await worklistSummary(coordinator, filters(), TODAY);
    for (const [slug, count] of Object.entries(summary.byFilter)) {
      // the referrals' count is the referral list's (referrals.integration.test.ts)
      if (slug === "henvisning") continue;
      const { rows } = await listWorklist(coordinator, filters({ grunn: slug }), TODAY, 1000);
      expect(rows.length, slug).toBe(count);
    }
  });

  it("this month's compliance equals the rules engine's indicators on the same pathways", async () => {
    const { unit, coordinator } = await setup();
    // basis assessment completed this month: M 2026-09-25 → C 2026-11-05 (day 41, met)
    await pathwayWith(unit.id, coordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-25"], ["C", "P", "2026-11-05"]]);
    const summary = await worklistSummary(coordinator, filters(), TODAY);
    const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: PATHWAY_ENGINE_SELECT });
    const indicators = computeIndicators(stored.map((p) => evaluatePathway(toEngineInput(p), TODAY)), { from: "2026-11-01", to: TODAY });
    for (const m of summary.thisMonth) {
      expect([m.kind, m.met, m.total]).toEqual([m.kind, indicators.byKind[m.kind].numerator, indicators.byKind[m.kind].denominator]);
    }
    expect(summary.thisMonth.find((m) => m.kind === "basis_assessment")).toEqual({ kind: "basis_assessment", met: 1, total: 2 });
  });

  it("clinicians have no worklist", async () => {
    const { unit } = await setup();
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    await expect(listWorklist(clinician, filters(), TODAY)).rejects.toBeInstanceOf(PermissionDenied);
  });

  it("writes an audit row per page read", async () => {
    const { coordinator } = await setup();
    const { rows } = await listWorklist(coordinator, filters({ grunn: "merknad" }), TODAY);
    const audit = await db().auditEvent.findFirst({ where: { userId: coordinator.user.id, action: "WORKLIST_VIEWED" } });
    expect(rows.length).toBeGreaterThan(0);
    expect(audit?.detail).toEqual({ filters: expect.objectContaining({ grunn: "merknad" }), rows: rows.length });
  });

  it("audits the rows shown, not the one fetched to know there is a next page", async () => {
    const { coordinator } = await setup();
    const page = await listWorklist(coordinator, filters(), TODAY, 2);
    expect(page.nextCursor).not.toBeNull();
    const audit = await db().auditEvent.findFirst({ where: { userId: coordinator.user.id, action: "WORKLIST_VIEWED" } });
    expect(audit?.detail).toMatchObject({ rows: 2 });
  });
});

describe("explaining a notice", () => {
  it("removes it from the list, keeps the explanation and audits it", async () => {
    const { coordinator, notice } = await setup();
    const { rows } = await listWorklist(coordinator, filters({ grunn: "merknad" }), TODAY);
    const row = rows.find((r) => r.pathwayId === notice.id && r.noticeId === "C_WITHOUT_M")!;
    expect(row).toBeDefined();

    await explainNotice(coordinator, { pathwayId: notice.id, noticeKey: row.key, justification: "Direkte rett til behandling, M ikke aktuelt." }, TODAY);
    const after = await listWorklist(coordinator, filters({ grunn: "merknad" }), TODAY);
    expect(after.rows.find((r) => r.id === row.id || (r.pathwayId === notice.id && r.key === row.key))).toBeUndefined();
    expect(await db().noticeExplanation.count({ where: { pathwayId: notice.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { pathwayId: notice.id, action: "NOTICE_EXPLAINED" } })).toBe(1);
    // the notice itself is still there for reports
    expect((await db().pathway.findUniqueOrThrow({ where: { id: notice.id } })).noticeCount).toBe(1);

    const again = await explainNotice(coordinator, { pathwayId: notice.id, noticeKey: row.key, justification: "Igjen" }, TODAY).catch((e) => e);
    expect(again).toBeInstanceOf(NotFoundError); // the row is gone
  });

  it("refuses rows that are not notices, empty justifications and other units", async () => {
    const { coordinator, late, notice } = await setup();
    const deadlineKey = "deadline:basis_assessment:2026-10-01";
    await expect(explainNotice(coordinator, { pathwayId: late.id, noticeKey: deadlineKey, justification: "Forklaring" }, TODAY)).rejects.toBeInstanceOf(ValidationError);
    const empty = await explainNotice(coordinator, { pathwayId: notice.id, noticeKey: "x", justification: " " }, TODAY).catch((e) => e);
    expect(empty.issues?.[0]?.message ?? empty.message).toMatch(/begrunnelse/);
    const outsider = await makeActor(db(), "COORDINATOR", [(await makeUnit(db())).id]);
    const key = (await listWorklist(coordinator, filters({ grunn: "merknad" }), TODAY)).rows.find((r) => r.pathwayId === notice.id)!.key;
    await expect(explainNotice(outsider, { pathwayId: notice.id, noticeKey: key, justification: "Forklaring" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().noticeExplanation.count({ where: { pathwayId: notice.id } })).toBe(0);
  });

  it("a conflict when two coordinators explain the same notice at once leaves one explanation", async () => {
    const { coordinator, notice } = await setup();
    const other = await makeActor(db(), "COORDINATOR", coordinator.user.unitIds);
    const key = (await listWorklist(coordinator, filters({ grunn: "merknad" }), TODAY)).rows.find((r) => r.pathwayId === notice.id)!.key;
    const results = await Promise.allSettled([
      explainNotice(coordinator, { pathwayId: notice.id, noticeKey: key, justification: "Forklaring en" }, TODAY),
      explainNotice(other, { pathwayId: notice.id, noticeKey: key, justification: "Forklaring to" }, TODAY),
    ]);
    expect(results.filter((r) => r.status === "fulfilled"), JSON.stringify(results.map((r) => r.status === "rejected" && String(r.reason)))).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason instanceof ConflictError || failure.reason instanceof NotFoundError).toBe(true);
    expect(await db().noticeExplanation.count({ where: { pathwayId: notice.id } })).toBe(1);
  });
});

describe("postponing a row", () => {
  it("lists postponed rows with date, reason and who; undo brings the row back, audited, and keeps the history", async () => {
    const { coordinator, late } = await setup();
    const key = "deadline:basis_assessment:2026-10-01";
    await postponeItem(coordinator, { pathwayId: late.id, itemKey: key, until: "2026-12-01", reason: "Venter på epikrise" }, TODAY);
    const postponed = await listPostponed(coordinator, undefined, TODAY);
    expect(postponed.map((r) => [r.pathwayId, r.key, r.until, r.why, r.byName])).toEqual([[late.id, key, "2026-12-01", "Venter på epikrise", coordinator.user.name]]);
    const viewed = await db().auditEvent.findFirstOrThrow({ where: { userId: coordinator.user.id, action: "WORKLIST_VIEWED" }, orderBy: { id: "desc" } });
    expect(viewed.patientIds).toEqual([late.patientId]);
    // another unit's coordinator sees none of it, and cannot undo it
    const outsider = await makeActor(db(), "COORDINATOR", [(await makeUnit(db())).id]);
    expect(await listPostponed(outsider, undefined, TODAY)).toEqual([]);
    await expect(undoPostponement(outsider, { pathwayId: late.id, itemKey: key }, TODAY)).rejects.toBeInstanceOf(NotFoundError);

    await undoPostponement(coordinator, { pathwayId: late.id, itemKey: key }, TODAY);
    expect((await listWorklist(coordinator, filters({ grunn: "forfalt" }), TODAY)).rows.some((r) => r.pathwayId === late.id)).toBe(true);
    expect(await listPostponed(coordinator, undefined, TODAY)).toEqual([]);
    expect(await db().auditEvent.count({ where: { pathwayId: late.id, action: "WORKLIST_POSTPONEMENT_UNDONE" } })).toBe(1);
    const history = await db().worklistPostponement.findFirstOrThrow({ where: { pathwayId: late.id } });
    expect([history.reason, history.undoneById]).toEqual(["Venter på epikrise", coordinator.user.id]);
    // a recompute does not bring the undone postponement back; a second undo is refused
    await recomputeDerived(db(), late.id, TODAY);
    expect((await listWorklist(coordinator, filters({ grunn: "forfalt" }), TODAY)).rows.some((r) => r.pathwayId === late.id)).toBe(true);
    await expect(undoPostponement(coordinator, { pathwayId: late.id, itemKey: key }, TODAY)).rejects.toBeInstanceOf(ConflictError);
  });

  it("hides it until the chosen date, when it comes back", async () => {
    const { coordinator, late } = await setup();
    const key = "deadline:basis_assessment:2026-10-01";
    await postponeItem(coordinator, { pathwayId: late.id, itemKey: key, until: "2026-11-25", reason: "Venter på epikrise" }, TODAY);
    const visible = (today: string) =>
      listWorklist(coordinator, filters({ grunn: "forfalt" }), today).then(({ rows }) => rows.some((r) => r.pathwayId === late.id));
    expect(await visible(TODAY)).toBe(false);
    expect(await visible("2026-11-24")).toBe(false);
    expect(await visible("2026-11-25")).toBe(true);
    expect(await db().auditEvent.count({ where: { pathwayId: late.id, action: "WORKLIST_POSTPONED" } })).toBe(1);
    // a recompute (new event, nightly job) keeps the postponement
    await recomputeDerived(db(), late.id, TODAY);
    expect(await visible(TODAY)).toBe(false);
  });

  it("refuses a date today or earlier, more than a year ahead, or without a reason", async () => {
    const { coordinator, late } = await setup();
    const key = "deadline:basis_assessment:2026-10-01";
    for (const [until, reason, field] of [
      ["2026-11-22", "Grunn", "until"],
      ["2027-12-01", "Grunn", "until"],
      ["2026-02-30", "Grunn", "until"],
    ] as const) {
      const error = await postponeItem(coordinator, { pathwayId: late.id, itemKey: key, until, reason }, TODAY).catch((e) => e);
      expect(error instanceof ValidationError || error?.name === "ZodError", until).toBe(true);
      if (error instanceof ValidationError) expect(Object.keys(error.fieldErrors)).toEqual([field]);
    }
    await expect(postponeItem(coordinator, { pathwayId: late.id, itemKey: key, until: "2026-12-01", reason: "" }, TODAY)).rejects.toThrow();
    expect(await db().worklistPostponement.count({ where: { pathwayId: late.id } })).toBe(0);
  });
});

describe("assigning the responsible clinician", () => {
  it("changes the pathway and its worklist rows together, with an audit row", async () => {
    const { unit, coordinator, late } = await setup();
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    await assignClinician(coordinator, { pathwayId: late.id, clinicianId: clinician.user.id });
    expect((await db().pathway.findUniqueOrThrow({ where: { id: late.id } })).responsibleClinicianId).toBe(clinician.user.id);
    const { rows } = await listWorklist(coordinator, filters({ behandler: clinician.user.id }), TODAY);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.pathwayId === late.id && r.clinician?.id === clinician.user.id)).toBe(true);
    const audit = await db().auditEvent.findFirst({ where: { pathwayId: late.id, action: "PATHWAY_ASSIGNED" } });
    expect(audit?.detail).toEqual({ from: null, to: clinician.user.id });
  });

  it("refuses a clinician of another unit, and clinicians may not assign", async () => {
    const { unit, coordinator, late } = await setup();
    const foreign = await makeActor(db(), "CLINICIAN", [(await makeUnit(db())).id]);
    await expect(assignClinician(coordinator, { pathwayId: late.id, clinicianId: foreign.user.id })).rejects.toBeInstanceOf(ValidationError);
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    await expect(assignClinician(clinician, { pathwayId: late.id, clinicianId: clinician.user.id })).rejects.toBeInstanceOf(PermissionDenied);
    expect((await db().pathway.findUniqueOrThrow({ where: { id: late.id } })).responsibleClinicianId).toBeNull();
  });

  it("two coordinators assigning at once end in one consistent state", async () => {
    const { unit, coordinator, late } = await setup();
    const other = await makeActor(db(), "COORDINATOR", [unit.id]);
    const [a, b] = [await makeActor(db(), "CLINICIAN", [unit.id]), await makeActor(db(), "CLINICIAN", [unit.id])];
    await Promise.all([
      assignClinician(coordinator, { pathwayId: late.id, clinicianId: a.user.id }),
      assignClinician(other, { pathwayId: late.id, clinicianId: b.user.id }),
    ]);
    const final = (await db().pathway.findUniqueOrThrow({ where: { id: late.id } })).responsibleClinicianId;
    expect([a.user.id, b.user.id]).toContain(final);
    const itemOwners = await db().worklistItem.findMany({ where: { pathwayId: late.id }, select: { responsibleClinicianId: true } });
    expect(new Set(itemOwners.map((i) => i.responsibleClinicianId))).toEqual(new Set([final]));
  });
});
