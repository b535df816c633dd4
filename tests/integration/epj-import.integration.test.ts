import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkExtract, readExtract } from "@/cli/extract";
import { makeNationalId } from "@/domain/national-id";
import { evaluatePathway } from "@/domain/rules";
import { NotFoundError } from "@/server/errors";
import { BATCH_PATHWAYS, ImportBusy, importUnit, planFile, readImportFile, runImportJob, startImportJob, summaryLine } from "@/server/epj-import/run";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "@/server/pathways/engine-input";
import type { Actor } from "@/server/auth/current-user";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Import from the patient record system (issue 19): the plan of the dry run is
// what the import applies; re-importing changes nothing; a changed event is a
// correction with history; refused rows name their line; one import per unit
// at a time; another unit's data is never touched. The clock is pinned.

const TODAY = "2026-11-22";
const { db, appUrl } = useAppDatabase();

let seed = 100;
const nid = (birth: string) => makeNationalId(birth, seed++, { synthetic: true });

async function setUp() {
  // the EPJ holds the unit's codes: imports are its daily business (codes-recorded-in.integration.test.ts: otherwise refused)
  const unit = await db().unit.update({ where: { id: (await makeUnit(db())).id }, data: { codesRecordedIn: "EPJ" } });
  const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
  return { unit, actor };
}

async function dryRun(actor: Actor, unitId: string, text: string | Buffer) {
  return planFile(actor, unitId, await readImportFile(Buffer.from(text)), TODAY);
}

async function importText(actor: Actor, unit: { id: string; name: string }, text: string | Buffer, fileName = "uttrekk.csv") {
  const file = await readImportFile(Buffer.from(text));
  const jobId = await startImportJob(actor, unit, fileName, file.sha256);
  return { jobId, report: await runImportJob(actor, jobId, file, TODAY) };
}

const HEADER = "event_id,pathway_id,national_id,patient_name,type,setting,referral_received,date,code,outcome";

describe("importing an EPJ extract", () => {
  it("round trip: the rules engine's verdict on the imported pathways equals the check CLI's on the same file", async () => {
    const { unit, actor } = await setUp();
    const [a, b, c] = [nid("1980-01-02"), nid("1990-03-04"), nid("1975-05-06")];
    const text = [
      HEADER,
      `e1,P1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
      `e2,P1,${a},Ola,D11,poliklinikk,,2026-09-10,D11M,`,
      `e3,P1,${a},Ola,D11,poliklinikk,,2026-10-01,D11C,P`,
      `e4,P2,${b},Kari,D11,poliklinikk,2026-09-28,2026-10-01,D11A,`,
      `e5,P3,${c},Per,D11,poliklinikk,2026-10-01,2026-10-02,D11A,`,
      `e6,P3,${c},Per,D11,poliklinikk,,2026-10-30,D11M,`,
      `e7,P3,${c},Per,D11,poliklinikk,,2026-11-05,D11C,`,
    ].join("\n");
    const checked = checkExtract(readExtract(text).pathways, TODAY);
    const { report } = await importText(actor, unit, text);
    expect(report.counts).toMatchObject({ pathwaysCreated: 3, eventsCreated: 7, rowsRefused: 0 });

    const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: { ...PATHWAY_ENGINE_SELECT, externalId: true, phase: true } });
    expect(stored.map((p) => p.externalId).sort()).toEqual(["P1", "P2", "P3"]);
    const verdict = (e: ReturnType<typeof evaluatePathway>) => ({
      phase: e.phase,
      deadlines: e.deadlines.map(({ kind, from, due, completedOn, met, daysLate }) => ({ kind, from, due, completedOn, met, daysLate })),
      notices: e.notices.map((n) => `${n.id} ${n.date}`).sort(),
    });
    for (const p of stored) {
      const fromDb = evaluatePathway(toEngineInput(p), TODAY);
      const fromCheck = checked.find((x) => x.evaluation.pathwayId === p.externalId)!.evaluation;
      expect(verdict(fromDb), p.externalId!).toEqual(verdict(fromCheck));
      // the derived columns (worklist, deadlines) are written as after any registration
      expect(p.phase).toBe(fromDb.phase);
    }
    expect(await db().worklistItem.count({ where: { unitId: unit.id } })).toBeGreaterThan(0);
  });

  it("the dry run writes nothing and gives the plan the import then applies; importing the same file again changes nothing", async () => {
    const { unit, actor } = await setUp();
    const a = nid("1981-02-03");
    const text = [HEADER, `e1,Q1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`, `e2,Q1,${a},Ola,D11,,,2026-09-10,D11M,`].join("\n");
    const before = await Promise.all([db().pathway.count(), db().pathwayEvent.count(), db().auditEvent.count(), db().importJob.count()]);
    const plan = await dryRun(actor, unit.id, text);
    expect(await Promise.all([db().pathway.count(), db().pathwayEvent.count(), db().auditEvent.count(), db().importJob.count()])).toEqual(before);
    expect(plan.counts).toEqual({ patientsCreated: 1, referralsCreated: 1, pathwaysCreated: 1, eventsCreated: 2, eventsUnchanged: 0, eventsCorrected: 0, rowsRefused: 0, missingFromFile: 0 });

    const first = await importText(actor, unit, text);
    expect(first.report.counts).toEqual(plan.counts);
    const events = await db().pathwayEvent.count({ where: { pathway: { unitId: unit.id } } });
    const second = await importText(actor, unit, text);
    expect(summaryLine(second.report.counts)).toBe("0 nye, 0 endret, 2 uendret");
    expect(second.report.counts).toMatchObject({ patientsCreated: 0, pathwaysCreated: 0, referralsCreated: 0 });
    expect(await db().pathwayEvent.count({ where: { pathway: { unitId: unit.id } } })).toBe(events);

    // one audit row per import: user, file name, SHA-256, counts; and the job DONE with its report
    const audits = await db().auditEvent.findMany({ where: { action: "EPJ_IMPORTED", userId: actor.user.id }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[1].detail).toMatchObject({ fileName: "uttrekk.csv", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), counts: { eventsUnchanged: 2 } });
    expect(await db().importJob.findUniqueOrThrow({ where: { id: second.jobId } })).toMatchObject({ status: "DONE", rowsDone: 2, rowsTotal: 2 });
    // the patient write is audited as any other
    expect(await db().auditEvent.count({ where: { action: "PATHWAY_CREATED", userId: actor.user.id } })).toBe(1);
  });

  it("a changed event is a correction: the stored one annulled 'korrigert i EPJ-uttrekk', the new one pointing at it; an event gone from the file is reported, never deleted", async () => {
    const { unit, actor } = await setUp();
    const a = nid("1982-03-04");
    const first = [HEADER, `e1,R1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`, `e2,R1,${a},Ola,D11,,,2026-09-10,D11M,`, `e3,R1,${a},Ola,D11,,,2026-10-01,D11C,P`];
    await importText(actor, unit, first.join("\n"));
    const changed = [HEADER, `e1,R1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`, `e2,R1,${a},Ola,D11,,,2026-09-12,D11M,`];
    const plan = await dryRun(actor, unit.id, changed.join("\n"));
    expect(plan.counts).toMatchObject({ eventsCorrected: 1, eventsUnchanged: 1, eventsCreated: 0, missingFromFile: 1 });
    expect(plan.missing).toEqual([{ pathwayId: "R1", eventId: "e3" }]);
    const { report } = await importText(actor, unit, changed.join("\n"));
    expect(report.counts).toEqual(plan.counts);

    const events = await db().pathwayEvent.findMany({ where: { pathway: { unitId: unit.id }, code: "M" }, orderBy: { recordedAt: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ annulReason: "korrigert i EPJ-uttrekk", annulledById: actor.user.id });
    expect(events[1]).toMatchObject({ annulledAt: null, replacesId: events[0].id, externalId: "e2" });
    expect(events[1].clinicalDate.toISOString().slice(0, 10)).toBe("2026-09-12");
    // e3 is still stored and counts
    expect(await db().pathwayEvent.count({ where: { pathway: { unitId: unit.id }, externalId: "e3", annulledAt: null } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "EVENT_ANNULLED", userId: actor.user.id } })).toBe(1);
    // and again: nothing more to correct
    expect(summaryLine((await importText(actor, unit, changed.join("\n"))).report.counts)).toBe("0 nye, 0 endret, 2 uendret");
  });

  it("refuses rows with their line, column and a Norwegian reason; the other rows (and pathways) are imported", async () => {
    const { unit, actor } = await setUp();
    const a = nid("1983-04-05");
    const b = nid("1984-05-06");
    const text = [
      HEADER,
      `e1,S1,${a},"Nordmann,\nOla",D11,poliklinikk,2026-09-01,2026-09-03,D11A,`, // lines 2–3
      `e2,S1,${a},Ola,D11,,,2026-09-10,D11Q,`, // 4: unknown code
      `e3,S1,${a},Ola,D11,,,2026-12-01,D11M,`, // 5: future date
      `e4,S2,12345678901,Kari,D11,,,2026-09-10,D11A,`, // 6: invalid national id
      `e5,S3,${b},,D11,,,2026-09-10,D11A,`, // 7: a new patient without a name
      `e6,S1,${a},Ola,D11,,,2026-09-11,D11M,`, // 8: fine
    ].join("\n");
    const { report } = await importText(actor, unit, text);
    expect(report.refused.map((r) => [r.line, r.column])).toEqual([
      [4, "code"],
      [5, "date"],
      [6, "national_id"],
      [7, "patient_name"],
    ]);
    expect(report.refused[0].message).toMatch(/^Ukjent kode «D11Q»/);
    expect(report.refused[1].message).toBe("Datoen 2026-12-01 er i fremtiden.");
    expect(report.refused[2].message).toMatch(/^Fødselsnummeret er ugyldig/);
    expect(report.counts).toMatchObject({ rowsRefused: 4, pathwaysCreated: 1, eventsCreated: 2 });
    const stored = await db().pathway.findFirstOrThrow({ where: { unitId: unit.id, externalId: "S1" }, include: { patient: true } });
    expect(stored.patient.name).toBe("Nordmann,\nOla");
  });

  it("pathways are written a batch per transaction, yet one the database refuses in the middle of a batch blocks none of the others and leaves nothing behind", async () => {
    const { unit, actor } = await setUp();
    const total = BATCH_PATHWAYS + 50;
    const bad = 100; // well inside the first batch
    const national = (i: number) => makeNationalId(new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), i, { synthetic: true });
    const lines = [HEADER];
    for (let i = 0; i < total; i++) {
      const id = i === bad ? "T-BAD" : `T${i}`;
      lines.push(`${id}-a,${id},${national(i)},Pasient ${i},D11,poliklinikk,2026-09-01,2026-09-03,D11A,`, `${id}-m,${id},${national(i)},Pasient ${i},D11,,,2026-09-10,D11M,`);
    }
    // the database refuses that one pathway (as a constraint or a lost connection would)
    await db().$executeRawUnsafe(`CREATE FUNCTION test_refuse_pathway() RETURNS trigger AS $$ BEGIN IF NEW."externalId" = 'T-BAD' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER test_refuse_pathway BEFORE INSERT ON "Pathway" FOR EACH ROW EXECUTE FUNCTION test_refuse_pathway()`);
    try {
      const { report } = await importText(actor, unit, lines.join("\n"));
      expect(report.refused).toEqual([{ line: 0, column: "pathway_id", message: "Forløpet «T-BAD» ble ikke importert: Forløpet kunne ikke lagres." }]);
      expect(report.counts).toMatchObject({ pathwaysCreated: total - 1, referralsCreated: total - 1, eventsCreated: 2 * (total - 1), rowsRefused: 2 });
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_refuse_pathway ON "Pathway"`);
      await db().$executeRawUnsafe(`DROP FUNCTION test_refuse_pathway()`);
    }
    // every other pathway is stored whole, with its derived data and its audit rows
    expect(await db().pathway.count({ where: { unitId: unit.id } })).toBe(total - 1);
    expect(await db().pathway.count({ where: { unitId: unit.id, derivedOn: null } })).toBe(0);
    expect(await db().pathwayEvent.count({ where: { pathway: { unitId: unit.id } } })).toBe(2 * (total - 1));
    expect(await db().auditEvent.count({ where: { action: "PATHWAY_CREATED", userId: actor.user.id } })).toBe(total - 1);
    expect(await db().auditEvent.count({ where: { action: "EVENT_CREATED", userId: actor.user.id } })).toBe(total - 1);
    expect(await db().auditEvent.count({ where: { action: "PATIENT_CREATED", userId: actor.user.id } })).toBe(total - 1);
    // the refused one all or nothing: no patient, no referral
    expect(await db().patient.count({ where: { nationalId: national(bad) } })).toBe(0);
    expect(await db().referral.count({ where: { unitId: unit.id } })).toBe(total - 1);
    // and the import again: the refused pathway now comes in, the rest is unchanged
    expect(summaryLine((await importText(actor, unit, lines.join("\n"))).report.counts)).toBe(`2 nye, 0 endret, ${2 * (total - 1)} uendret`);
  });

  it("reads ; with BOM and CRLF and quoted newlines as it reads , with LF: the same plan", async () => {
    const { unit, actor } = await setUp();
    const a = nid("1985-06-07");
    const rows = [
      ["event_id", "pathway_id", "national_id", "patient_name", "type", "date", "code", "outcome"],
      ["e1", "T1", a, "Strand; Per\nandre linje", "D11", "2026-09-03", "D11A", ""],
      ["e2", "T1", a, "Strand; Per\nandre linje", "D11", "2026-09-10", "D11M", ""],
      ["e3", "T1", a, "Strand; Per\nandre linje", "D11", "2026-09-30", "D11C", "P"],
    ];
    const quote = (f: string) => (/[;,"\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    const excel = "\uFEFF" + rows.map((r) => r.map(quote).join(";")).join("\r\n") + "\r\n";
    const plain = rows.map((r) => r.map(quote).join(",")).join("\n");
    const [p1, p2] = [await dryRun(actor, unit.id, excel), await dryRun(actor, unit.id, plain)];
    expect(p1.counts).toEqual(p2.counts);
    expect(p1.counts).toMatchObject({ eventsCreated: 3, rowsRefused: 0 });
    expect(p1.pathways[0].create?.patientName).toBe("Strand; Per\nandre linje");
  });

  it("two imports into one unit at once: the second is refused with a clear message, never interleaved", async () => {
    const { unit, actor } = await setUp();
    const a = nid("1986-07-08");
    const text = [HEADER, `e1,U1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`].join("\n");
    const results = await Promise.allSettled([importText(actor, unit, text), importText(actor, unit, text)]);
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ImportBusy);
    expect(refused[0].reason.message).toBe(`Det pågår allerede en import til ${unit.name}. Vent til den er ferdig, og prøv igjen.`);
    expect(await db().pathway.count({ where: { unitId: unit.id } })).toBe(1);
    // once it is done, the next import runs
    expect(summaryLine((await importText(actor, unit, text)).report.counts)).toBe("0 nye, 0 endret, 1 uendret");
  });

  it("another unit is refused: not the coordinator's unit, nor a row naming another unit's pathway", async () => {
    const { unit, actor } = await setUp();
    const other = await makeUnit(db());
    const otherClinician = await makeActor(db(), "CLINICIAN", [other.id]);
    const foreign = await makePathway(db(), other.id, otherClinician.user.id, [["A", null, "2026-09-03"]]);
    await expect(importUnit(actor, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(importUnit(actor, other.name)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startImportJob(actor, other, "x.csv", "0".repeat(64))).rejects.toBeInstanceOf(NotFoundError);
    const a = nid("1987-08-09");
    const plan = await dryRun(actor, unit.id, [HEADER, `e1,${foreign.id},${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11M,`].join("\n"));
    expect(plan.refused).toEqual([{ line: 2, column: "pathway_id", message: `Forløpet «${foreign.id}» hører til en annen enhet.` }]);
    const events = await db().pathwayEvent.count({ where: { pathwayId: foreign.id } });
    await importText(actor, unit, [HEADER, `e1,${foreign.id},${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11M,`].join("\n"));
    expect(await db().pathwayEvent.count({ where: { pathwayId: foreign.id } })).toBe(events);
  });

  it("npm run import: --format json prints exactly the issue's object (exit 0); an unusable file exits 2 with its line", async () => {
    const { unit, actor } = await setUp();
    const dir = mkdtempSync(join(tmpdir(), "fv-import-"));
    const good = join(dir, "good.csv");
    const bad = join(dir, "bad.csv");
    writeFileSync(good, [HEADER, `e1,V1,${nid("1988-09-10")},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`, `e2,V1,,,D11,,,2099-01-01,D11M,`].join("\n"));
    writeFileSync(bad, "pathway_id;code\r\nV1;D11A\r\n");
    const env = { ...process.env, DATABASE_URL: await appUrl(), DATABASE_PREPARED_STATEMENTS: "off" };
    const run = (...args: string[]) => spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/epj-import.ts", ...args, "--user", actor.user.email], { encoding: "utf8", env });
    const dry = run(good, "--unit", unit.name, "--dry-run", "--format", "json");
    expect(dry.status, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      dryRun: true,
      counts: { patientsCreated: 1, referralsCreated: 1, pathwaysCreated: 1, eventsCreated: 1, eventsUnchanged: 0, eventsCorrected: 0, rowsRefused: 1, missingFromFile: 0 },
      refused: [{ line: 3, column: "date", message: "Datoen 2099-01-01 er i fremtiden." }],
      missing: [],
    });
    expect(await db().pathway.count({ where: { unitId: unit.id } })).toBe(0);
    const unusable = run(bad, "--unit", unit.id, "--format", "json");
    expect(unusable.status).toBe(2);
    expect(unusable.stdout).toBe("");
    expect(unusable.stderr).toContain("Linje 1: Kolonnen «date» mangler.");
  }, 120_000);

  // Issue 14: the outcomes of C, H, S, U and X are judged as the check CLI
  // judges them, and same-day events of one letter get one order whatever the
  // file's row order (an import records them all at the same time).
  it("round trip with outcomes of X, S, U and H and two decisions on one day: the CLI's verdict, whatever the row order", async () => {
    const { unit, actor } = await setUp();
    const rows: string[] = [];
    for (let i = 0; i < 8; i++) {
      const n = nid("1981-01-01");
      const row = (id: string, date: string, code: string, outcome = "", received = "") => `P${i}-${id},Q${i},${n},Pasient ${i},D11,poliklinikk,${received},${date},${code},${outcome}`;
      rows.push(
        row("a", "2026-09-03", "D11A", "", "2026-09-01"),
        row("m", "2026-09-10", "M"),
        // listed P before K: on one day, the engine's order of two C is recorded time, then id
        row("c1", "2026-10-01", "C", "P"),
        row("c2", "2026-10-01", "C", "K"),
        row("u", "2026-10-02", "D11UBP"),
        row("s", "2026-10-03", "S", "2"),
        row("h", "2026-10-04", "D11H1"),
        ...(i % 2 ? [row("x", "2026-11-01", "D11X1"), row("e", "2026-11-05", "E")] : [row("x", "2026-11-01", "X")]),
      );
    }
    const text = [HEADER, ...rows].join("\n");
    const checked = checkExtract(readExtract(text).pathways, TODAY);
    const { report } = await importText(actor, unit, text);
    expect(report.counts).toMatchObject({ pathwaysCreated: 8, rowsRefused: 0 });
    const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: { ...PATHWAY_ENGINE_SELECT, externalId: true, phase: true } });
    const verdict = (e: ReturnType<typeof evaluatePathway>) => ({
      phase: e.phase,
      closedOn: e.closedOn,
      deadlines: e.deadlines.map(({ kind, from, due, completedOn, met, daysLate }) => ({ kind, from, due, completedOn, met, daysLate })),
      notices: e.notices.map((n) => `${n.id} ${n.date}`).sort(),
      activities: e.activities,
    });
    for (const p of stored) {
      const fromDb = evaluatePathway(toEngineInput(p), TODAY);
      const fromCheck = checked.find((x) => x.evaluation.pathwayId === p.externalId)!.evaluation;
      expect(verdict(fromDb), p.externalId!).toEqual(verdict(fromCheck));
      expect(p.phase, p.externalId!).toBe(fromDb.phase);
    }
    const byId = new Map(checked.map((c) => [c.evaluation.pathwayId, c.evaluation]));
    // an X with an outcome closes (a later E is EVENT_AFTER_END); one without is MISSING_OUTCOME and closes nothing
    expect(byId.get("Q1")).toMatchObject({ phase: "closed", closedOn: "2026-11-01" });
    expect(byId.get("Q1")!.notices.map((n) => n.id)).toEqual(["EVENT_AFTER_END"]);
    expect(byId.get("Q0")).toMatchObject({ phase: "treatment", closedOn: null });
    expect(byId.get("Q0")!.notices.map((n) => n.id)).toEqual(["MISSING_OUTCOME"]);
  });
});
