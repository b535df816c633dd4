import "server-only";
import { CORRECTION_REASON, type PlannedPathway } from "@/domain/epj-import/plan";
import { fromIsoDate, type IsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/current-user";
import { now } from "@/server/clock";
import { prisma } from "@/server/db";
import { recomputeDerived } from "@/server/pathways/derived";
import { patientForNewPathway, type PathwayPatient } from "@/server/patients/link";
import type { Setting } from "@/domain/rules";
import type { CareSetting } from "@/generated/prisma/enums";

// Applies one pathway of an import's plan: one transaction, so a pathway's
// rows are stored all or nothing. Patient, referral and pathway are created
// when new; corrections annul the stored event (reason "korrigert i
// EPJ-uttrekk", kept as history) and store the new one pointing at it; the
// derived data are recomputed as after any registration; audited as any write.

const ENGINE_TO_SETTING: Record<Setting, CareSetting> = { poliklinikk: "POLIKLINIKK", dogn: "DOGN" };

export class StalePlan extends Error {
  constructor() {
    super("Forløpet ble endret mens importen pågikk.");
    this.name = "StalePlan";
  }
}

export async function applyPathway(actor: Actor, unitId: string, plan: PlannedPathway, jobId: string, today: IsoDate): Promise<void> {
  if (!plan.create && plan.add.length === 0 && plan.corrections.length === 0) return;
  await prisma.$transaction(async (tx) => {
    const audit = { userId: actor.user.id };
    let pathwayId = plan.storedId;
    let patientId: string;
    if (plan.create) {
      const c = plan.create;
      const match = await tx.patient.findUnique({ where: { nationalId: c.nationalId }, select: { id: true, name: true } });
      // a patient the file names that is already registered: linked as by hand
      // (patients/link.ts), so another unit's record never shows through
      let linked: PathwayPatient | null = null;
      if (match) {
        linked = await patientForNewPathway(tx, actor, match, { nationalId: c.nationalId, birthDate: c.birthDate, name: c.patientName || match.name });
        patientId = match.id;
      } else {
        const patient = await tx.patient.create({ data: { nationalId: c.nationalId, name: c.patientName, birthDate: fromIsoDate(c.birthDate) }, select: { id: true } });
        await writeAudit(tx, { ...audit, action: "PATIENT_CREATED", patientId: patient.id, detail: { importJobId: jobId } }, actor.meta);
        patientId = patient.id;
      }
      const referral = await tx.referral.create({
        data: {
          unitId,
          patientId,
          receivedDate: fromIsoDate(c.referralReceived),
          referrerName: c.referrer,
          legalDeadline: c.careDeadline ? fromIsoDate(c.careDeadline) : null,
          createdById: actor.user.id,
          note: "Importert fra EPJ-uttrekk",
        },
        select: { id: true },
      });
      const dates = plan.add.filter((e) => e.letter === "A").map((e) => e.date).sort();
      const opened = dates[0] ?? plan.add.map((e) => e.date).sort()[0] ?? c.referralReceived;
      const pathway = await tx.pathway.create({
        data: {
          type: c.type,
          setting: ENGINE_TO_SETTING[c.setting],
          unitId,
          patientId,
          referralId: referral.id,
          externalId: plan.externalId,
          coordinatorId: actor.user.role === "COORDINATOR" ? actor.user.id : null,
          openedDate: fromIsoDate(opened),
          recordedPatientName: linked?.recordedPatientName ?? null,
        },
        select: { id: true },
      });
      pathwayId = pathway.id;
      if (linked?.link) {
        await writeAudit(tx, { ...audit, action: "PATIENT_LINKED", patientId, pathwayId, detail: { unitId, ...linked.link, importJobId: jobId } }, actor.meta);
      }
      await writeAudit(tx, { ...audit, action: "PATHWAY_CREATED", patientId, pathwayId, detail: { type: c.type, referralId: referral.id, importJobId: jobId } }, actor.meta);
    } else {
      const pathway = await tx.pathway.findFirst({ where: { id: pathwayId!, unitId }, select: { patientId: true } });
      if (!pathway) throw new StalePlan();
      patientId = pathway.patientId;
    }
    const recordedById = actor.user.id;
    const annulledAt = now();
    for (const c of plan.corrections) {
      const { count } = await tx.pathwayEvent.updateMany({
        where: { id: c.storedEventId, pathwayId: pathwayId!, annulledAt: null },
        data: { annulledAt, annulledById: recordedById, annulReason: CORRECTION_REASON },
      });
      if (count === 0) throw new StalePlan();
      await tx.pathwayEvent.create({
        data: {
          pathwayId: pathwayId!,
          code: c.event.letter,
          outcome: c.event.outcome,
          clinicalDate: fromIsoDate(c.event.date),
          recordedById,
          externalId: c.event.key,
          replacesId: c.storedEventId,
        },
      });
      await writeAudit(
        tx,
        { ...audit, action: "EVENT_ANNULLED", patientId, pathwayId, detail: { eventId: c.storedEventId, reason: CORRECTION_REASON, importJobId: jobId } },
        actor.meta,
      );
    }
    if (plan.add.length) {
      await tx.pathwayEvent.createMany({
        data: plan.add.map((e) => ({ pathwayId: pathwayId!, code: e.letter, outcome: e.outcome, clinicalDate: fromIsoDate(e.date), recordedById, externalId: e.key })),
      });
    }
    if (plan.add.length || plan.corrections.length) {
      await writeAudit(
        tx,
        { ...audit, action: "EVENT_CREATED", patientId, pathwayId, detail: { importJobId: jobId, added: plan.add.length, corrected: plan.corrections.length } },
        actor.meta,
      );
    }
    await recomputeDerived(tx, pathwayId!, today);
  });
}
