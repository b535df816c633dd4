import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_TABLES } from "@/domain/rules";
import { PermissionDenied } from "@/server/auth/assert";
import { ValidationError } from "@/server/errors";
import { registerEvent } from "@/server/events/register";
import { recomputeDerived } from "@/server/pathways/derived";
import { addRuleTableVersion } from "@/server/rule-tables/add-version";
import { currentRuleTables, readVersions, tablesFromVersions } from "@/server/rule-tables/load";
import { listRuleTableVersions } from "@/server/rule-tables/list";
import { runPendingRuleRecomputes } from "@/server/rule-tables/recompute";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Rule tables stored as versions (issue 18): seeded with the built-in values,
// never changed in place, a new version audited with before and after and
// followed by the recompute of every pathway's derived data.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

const durationVersion = {
  kind: "DURATION" as const,
  key: "D11:poliklinikk" as const,
  effectiveFrom: "2026-10-01",
  source: "Helsedirektoratet, revidert forløpstid (test)",
  reason: "Ny nasjonal forløpstid for basisutredning",
  confirmed: true,
  durations: { basisAssessment: "30", extendedAssessment: "42", firstEvaluation: "84", evaluation: "84" },
};

async function basisDue(pathwayId: string) {
  const row = await db().pathwayDeadline.findFirstOrThrow({ where: { pathwayId, kind: "basis_assessment" } });
  return row.due.toISOString().slice(0, 10);
}

describe("rule tables in the database", () => {
  it("the migration's rows are the built-in tables: behaviour is unchanged", async () => {
    expect(tablesFromVersions(await readVersions(db()))).toEqual(DEFAULT_RULE_TABLES);
  });

  it("refuses to change or remove a version in place, whatever role writes", async () => {
    await expect(db().$executeRaw`UPDATE "RuleTableVersion" SET "reason" = 'endret' WHERE "key" = 'D11:poliklinikk'`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM "RuleTableVersion" WHERE "key" = 'D11:poliklinikk'`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`TRUNCATE "RuleTableVersion"`).rejects.toThrow(/append-only/);
    expect(await db().ruleTableVersion.count({ where: { key: "D11:poliklinikk" } })).toBe(1);
  });

  it("only an administrator adds a version; the others change nothing", async () => {
    const unit = await makeUnit(db());
    const before = await db().ruleTableVersion.count();
    for (const role of ["CLINICIAN", "COORDINATOR", "LEADER", "PRIVACY_OFFICER"] as const) {
      const actor = await makeActor(db(), role, role === "PRIVACY_OFFICER" ? [] : [unit.id]);
      await expect(addRuleTableVersion(actor, durationVersion)).rejects.toBeInstanceOf(PermissionDenied);
      await expect(listRuleTableVersions(actor, TODAY)).rejects.toBeInstanceOf(PermissionDenied);
    }
    expect(await db().ruleTableVersion.count()).toBe(before);
  });

  it("refuses a version without source or reason, or with a duration out of range, in Norwegian", async () => {
    const admin = await makeActor(db(), "ADMIN", []);
    const before = await db().ruleTableVersion.count();
    const refused = await addRuleTableVersion(admin, { ...durationVersion, source: " ", reason: "", durations: { basisAssessment: "0" } }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.fieldErrors).toMatchObject({
      source: [expect.stringContaining("Skriv kilden")],
      reason: [expect.stringContaining("Skriv hvorfor")],
      "durations.basisAssessment": [expect.stringContaining("1–365 dager")],
    });
    const badDate = await addRuleTableVersion(admin, { ...durationVersion, effectiveFrom: "2026-02-30" }).catch((e) => e);
    expect(badDate.fieldErrors.effectiveFrom).toEqual(["Gyldig fra er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."]);
    expect(await db().ruleTableVersion.count()).toBe(before);
  });

  it("a new duration version is audited with before and after, recomputes the pathways started from its date, and leaves earlier ones", async () => {
    const unit = await makeUnit(db());
    const admin = await makeActor(db(), "ADMIN", []);
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const early = await makePathway(db(), unit.id, coordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-10-05"]]);
    const late = await makePathway(db(), unit.id, coordinator.user.id, [["A", null, "2026-10-01"], ["M", null, "2026-10-05"]]);
    for (const p of [early, late]) await recomputeDerived(db(), p.id, TODAY);
    expect([await basisDue(early.id), await basisDue(late.id)]).toEqual(["2026-11-16", "2026-11-16"]);

    const { id } = await addRuleTableVersion(admin, durationVersion);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "RULE_TABLE_VERSION_ADDED", userId: admin.user.id } });
    expect(audit.detail).toMatchObject({
      kind: "DURATION",
      key: "D11:poliklinikk",
      reason: "Ny nasjonal forløpstid for basisutredning",
      before: { effectiveFrom: "2019-01-01", value: { durations: { basisAssessment: 42 } } },
      after: { id, effectiveFrom: "2026-10-01", confirmed: true, value: { durations: { basisAssessment: 30 }, unconfirmed: [] } },
    });
    const listed = await listRuleTableVersions(admin, TODAY);
    expect(listed.recompute).toMatchObject({ finishedAt: null });
    expect(listed.versions.find((v) => v.id === id)).toMatchObject({ createdBy: admin.user.name, reason: durationVersion.reason, inForce: true });
    expect(listed.versions.find((v) => v.key === "D11:poliklinikk" && v.id !== id)).toMatchObject({ inForce: false });

    // the server's tables already hold it (this process dropped its cache)
    expect((await currentRuleTables()).durations.some((r) => r.effectiveFrom === "2026-10-01")).toBe(true);
    expect(await runPendingRuleRecomputes({ today: TODAY })).toMatchObject({ status: "done" });
    expect(await basisDue(early.id)).toBe("2026-11-16");
    expect(await basisDue(late.id)).toBe("2026-11-04");
    const done = (await listRuleTableVersions(admin, TODAY)).recompute;
    expect(done).toMatchObject({ finishedAt: expect.any(String), failure: null });
    expect(done!.pathways).toBeGreaterThanOrEqual(2);
    expect(await runPendingRuleRecomputes({ today: TODAY })).toEqual({ status: "none" });
  });

  it("registration judges an outcome by the list in force on the event's date", async () => {
    const unit = await makeUnit(db());
    const admin = await makeActor(db(), "ADMIN", []);
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const pathway = await makePathway(db(), unit.id, coordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "P", "2026-09-20"]]);
    await addRuleTableVersion(admin, {
      kind: "OUTCOME_LIST", key: "H", effectiveFrom: "2026-10-01", confirmed: true, values: "1 – Behov for hjelp\n2 – Ikke behov",
      source: "NPR kodeverk (test)", reason: "Offisiell liste for hjelpebehov",
    });
    const refused = await registerEvent(coordinator, pathway.id, { code: "H", outcome: "ZZ", date: "2026-10-05", justification: "test" }, TODAY).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.fieldErrors.outcome).toEqual(["Ukjent utfall «ZZ» for hjelpebehov ved avslutning."]);
    await expect(registerEvent(coordinator, pathway.id, { code: "H", outcome: "1", date: "2026-10-05", justification: "test" }, TODAY)).resolves.toMatchObject({ duplicate: false });
    // before the list's date any 1–3 letters or digits still hold
    await expect(registerEvent(coordinator, pathway.id, { code: "H", outcome: "ZZ", date: "2026-09-25", justification: "test" }, TODAY)).resolves.toMatchObject({ duplicate: false });
  });
});
