import "server-only";
import { CORRECTION_REASON, contentKey, type PlannedPathway } from "@/domain/epj-import/plan";
import type { IsoDate } from "@/lib/dates";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { writeAudits, type AuditEntry } from "@/server/audit";
import type { Actor } from "@/server/auth/current-user";
import { now } from "@/server/clock";
import { prisma } from "@/server/db";
import { deriveBatch } from "@/server/pathways/derived";
import { loadForDerive } from "@/server/pathways/derive-load";
import { patientForNewPathway } from "@/server/patients/link";
import { timeOrderedIds } from "@/server/seed/time-ordered-id";
import { sqlOf } from "@/server/sql";
import type { RuleTables, Setting } from "@/domain/rules";
import type { CareSetting } from "@/generated/prisma/enums";

// Applies pathways of an import's plan, a batch per transaction, so each
// pathway's rows are stored all or nothing. Patient, referral and pathway are
// created when new; corrections annul the stored event (reason "korrigert i
// EPJ-uttrekk", kept as history) and store the new one pointing at it; the
// derived data are recomputed as after any registration; audited as any write.

const ENGINE_TO_SETTING: Record<Setting, CareSetting> = { poliklinikk: "POLIKLINIKK", dogn: "DOGN" };

export class StalePlan extends Error {
  constructor() {
    super("Forløpet ble endret mens importen pågikk.");
    this.name = "StalePlan";
  }
}

/** A batch's transaction may take this long (a few hundred pathways on a loaded machine). */
const BATCH_TIMEOUT_MS = 120_000;

/**
 * Applies a batch of pathways in one transaction with set-based writes (one
 * multi-row INSERT per table, one UPDATE for the corrections, one for the
 * audit rows, the derived data recomputed for the batch at once): the same
 * rows, audit rows (per new patient, per new pathway, per correction, per
 * pathway's events) and checks as the earlier transaction per pathway. All or nothing for the batch, so for each of its pathways; when it
 * fails, the caller splits the batch (runImportJob), so that one bad pathway
 * never blocks the others.
 */
export async function applyBatch(actor: Actor, unitId: string, plans: readonly PlannedPathway[], jobId: string, today: IsoDate, tables: RuleTables): Promise<void> {
  const work = plans.filter((p) => p.create || p.add.length || p.corrections.length);
  if (work.length === 0) return;
  await prisma.$transaction(
    async (tx) => {
      const sql = sqlOf(tx);
      const recordedById = actor.user.id;
      const audits: Omit<AuditEntry, "userId" | "patientIds">[] = [];
      const pathwayIdOf = new Map<PlannedPathway, string>();
      const patientIdOf = new Map<PlannedPathway, string>();

      // the stored pathways: still the unit's, locked as a registration locks them (in id order)
      const stored = work.filter((p) => !p.create);
      if (stored.length) {
        const ids = stored.map((p) => p.storedId!);
        const rows = await sql.rows(
          z.object({ id: z.string(), patientId: z.string() }),
          Prisma.sql`SELECT "id", "patientId" FROM "Pathway" WHERE "id" = ANY(${ids}::text[]) AND "unitId" = ${unitId} ORDER BY "id" FOR NO KEY UPDATE`,
        );
        const patientOf = new Map(rows.map((r) => [r.id, r.patientId]));
        for (const p of stored) {
          const patientId = patientOf.get(p.storedId!);
          if (!patientId) throw new StalePlan();
          pathwayIdOf.set(p, p.storedId!);
          patientIdOf.set(p, patientId);
        }
      }

      // patients (new ones created once), referrals and pathways to create
      const creates = work.filter((p) => p.create);
      if (creates.length) {
        const nationalIds = [...new Set(creates.map((p) => p.create!.nationalId))];
        const known = await tx.patient.findMany({ where: { nationalId: { in: nationalIds } }, select: { id: true, nationalId: true, name: true } });
        const patientByNid = new Map(known.map((k) => [k.nationalId, k.id]));
        const knownByNid = new Map(known.map((k) => [k.nationalId, k]));
        const newPatients: { id: string; nationalId: string; name: string; birthDate: IsoDate }[] = [];
        for (const p of creates) {
          const c = p.create!;
          if (patientByNid.has(c.nationalId)) continue;
          const id = randomUUID();
          patientByNid.set(c.nationalId, id);
          newPatients.push({ id, nationalId: c.nationalId, name: c.patientName, birthDate: c.birthDate });
          audits.push({ action: "PATIENT_CREATED", patientId: id, detail: { importJobId: jobId } });
        }
        if (newPatients.length) {
          await sql.run(Prisma.sql`INSERT INTO "Patient" ("id", "nationalId", "name", "birthDate")
            SELECT * FROM unnest(${newPatients.map((n) => n.id)}::text[], ${newPatients.map((n) => n.nationalId)}::text[], ${newPatients.map((n) => n.name)}::text[],
              ${newPatients.map((n) => n.birthDate)}::date[])`);
        }
        const rows = creates.map((p) => {
          const c = p.create!;
          const row = { p, c, patientId: patientByNid.get(c.nationalId)!, referralId: randomUUID(), pathwayId: randomUUID(), recordedPatientName: null as string | null };
          pathwayIdOf.set(p, row.pathwayId);
          patientIdOf.set(p, row.patientId);
          return row;
        });
        // a patient the file names who was already registered: linked as by hand
        // (patients/link.ts), so another unit's record never shows through, and audited
        for (const row of rows) {
          const match = knownByNid.get(row.c.nationalId);
          if (!match) continue;
          const linked = await patientForNewPathway(tx, actor, match, { nationalId: row.c.nationalId, birthDate: row.c.birthDate, name: row.c.patientName || match.name });
          row.recordedPatientName = linked.recordedPatientName;
          if (linked.link) audits.push({ action: "PATIENT_LINKED", patientId: row.patientId, pathwayId: row.pathwayId, detail: { unitId, ...linked.link, importJobId: jobId } });
        }
        for (const row of rows) {
          audits.push({ action: "PATHWAY_CREATED", patientId: row.patientId, pathwayId: row.pathwayId, detail: { type: row.c.type, referralId: row.referralId, importJobId: jobId } });
        }
        const column = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
        await sql.run(Prisma.sql`INSERT INTO "Referral" ("id", "unitId", "patientId", "receivedDate", "referrerName", "legalDeadline", "createdById", "note")
          SELECT u.id, ${unitId}, u.patient, u.received, u.referrer, u.deadline, ${actor.user.id}, 'Importert fra EPJ-uttrekk'
          FROM unnest(${column((r) => r.referralId)}::text[], ${column((r) => r.patientId)}::text[], ${column((r) => r.c.referralReceived)}::date[],
            ${column((r) => r.c.referrer)}::text[], ${column((r) => r.c.careDeadline)}::date[]) AS u(id, patient, received, referrer, deadline)`);
        await sql.run(Prisma.sql`INSERT INTO "Pathway" ("id", "type", "setting", "unitId", "patientId", "referralId", "externalId", "coordinatorId", "openedDate", "recordedPatientName", "updatedAt")
          SELECT u.id, u.type::"PathwayType", u.setting::"CareSetting", ${unitId}, u.patient, u.referral, u.external,
            ${actor.user.role === "COORDINATOR" ? actor.user.id : null}, u.opened, u.recorded_name, CURRENT_TIMESTAMP
          FROM unnest(${column((r) => r.pathwayId)}::text[], ${column((r) => r.c.type)}::text[], ${column((r) => ENGINE_TO_SETTING[r.c.setting])}::text[],
            ${column((r) => r.patientId)}::text[], ${column((r) => r.referralId)}::text[], ${column((r) => r.p.externalId)}::text[],
            ${column((r) => openedDate(r.p))}::date[], ${column((r) => r.recordedPatientName)}::text[]) AS u(id, type, setting, patient, referral, external, opened, recorded_name)`);
      }
      // corrections: the stored events annulled (each must still be the pathway's and not annulled), the new ones stored pointing at them
      const corrections = work.flatMap((p) => p.corrections.map((c) => ({ p, c })));
      if (corrections.length) {
        const annulled = await sql.rows(
          z.object({ id: z.string() }),
          Prisma.sql`UPDATE "PathwayEvent" e SET "annulledAt" = ${now()}, "annulledById" = ${recordedById}, "annulReason" = ${CORRECTION_REASON}
            FROM unnest(${corrections.map(({ c }) => c.storedEventId)}::text[], ${corrections.map(({ p }) => pathwayIdOf.get(p)!)}::text[]) AS u(id, pathway)
            WHERE e."id" = u.id AND e."pathwayId" = u.pathway AND e."annulledAt" IS NULL RETURNING e."id"`,
        );
        if (annulled.length !== corrections.length) throw new StalePlan();
        for (const { p, c } of corrections) {
          audits.push({ action: "EVENT_ANNULLED", patientId: patientIdOf.get(p), pathwayId: pathwayIdOf.get(p), detail: { eventId: c.storedEventId, reason: CORRECTION_REASON, importJobId: jobId } });
        }
      }
      const events: { pathwayId: string; code: string; outcome: string | null; date: IsoDate; externalId: string; replacesId: string | null }[] = [];
      for (const p of work) {
        const pathwayId = pathwayIdOf.get(p)!;
        for (const c of p.corrections) {
          events.push({ pathwayId, code: c.event.letter, outcome: c.event.outcome, date: c.event.date, externalId: c.event.key, replacesId: c.storedEventId });
        }
        for (const e of p.add) events.push({ pathwayId, code: e.letter, outcome: e.outcome, date: e.date, externalId: e.key, replacesId: null });
        if (p.add.length || p.corrections.length) {
          audits.push({ action: "EVENT_CREATED", patientId: patientIdOf.get(p), pathwayId, detail: { importJobId: jobId, added: p.add.length, corrected: p.corrections.length } });
        }
      }
      if (events.length) {
        // All are recorded at one time, so the engine orders same-day events of one letter by id: ids rising
        // with the content (date, letter, outcome), as the check CLI orders them, never by row order or chance.
        events.sort((a, b) => compareText(contentKey(a.date, a.code, a.outcome), contentKey(b.date, b.code, b.outcome)) || compareText(a.externalId, b.externalId));
        const nextId = timeOrderedIds(now().getTime());
        await sql.run(Prisma.sql`INSERT INTO "PathwayEvent" ("id", "pathwayId", "code", "outcome", "clinicalDate", "recordedById", "externalId", "replacesId")
          SELECT u.id, u.pathway, u.code, u.outcome, u.date, ${recordedById}, u.external, u.replaces
          FROM unnest(${events.map(() => nextId())}::text[], ${events.map((e) => e.pathwayId)}::text[], ${events.map((e) => e.code)}::text[], ${events.map((e) => e.outcome)}::text[],
            ${events.map((e) => e.date)}::date[], ${events.map((e) => e.externalId)}::text[], ${events.map((e) => e.replacesId)}::text[])
            AS u(id, pathway, code, outcome, date, external, replaces)`);
      }
      await writeAudits(tx, audits, actor.user.id, actor.meta);

      // the derived data of the whole batch at once (the new pathways are this transaction's own, the stored ones locked above)
      const rows = await loadForDerive(tx, { ids: work.map((p) => pathwayIdOf.get(p)!) });
      // by the job's rule tables (runImportJob), never re-read per batch
      await deriveBatch(tx, rows, today, tables);
    },
    { timeout: BATCH_TIMEOUT_MS, maxWait: BATCH_TIMEOUT_MS },
  );
}

/** A new pathway's opening date: its first A, else its first event, else the referral's date. */
function openedDate(p: PlannedPathway): IsoDate {
  const dates = p.add.filter((e) => e.letter === "A").map((e) => e.date).sort();
  return dates[0] ?? p.add.map((e) => e.date).sort()[0] ?? p.create!.referralReceived;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
