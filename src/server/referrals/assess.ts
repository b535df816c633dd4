import "server-only";
import { assertUnitCodedHere } from "@/server/units/codes-recorded-in";
import { API_DECISIONS, assessmentProblems, closesReferral, referralDueDate } from "@/domain/referrals";
import type { CareSetting, PathwayType } from "@/generated/prisma/enums";
import { fromIsoDate, toIsoDate, type IsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import type { Tx } from "@/server/db";
import { ConflictError, ValidationError } from "@/server/errors";
import { createCheckedEvent } from "@/server/events/register";
import { PathwayAlreadyOpen } from "@/server/pathways/create";
import { inReferralTransaction, storeAssessment } from "./record";
import type { AssessReferralData } from "./schema";
import { assertMayBeResponsible } from "@/server/users/responsible";

export class ReferralAlreadyAssessed extends ConflictError {
  constructor() {
    super("referral_already_assessed", "Henvisningen er allerede vurdert. En feil vurdering rettes med «Rett vurderingen», med begrunnelse.");
  }
}

/**
 * Records the assessment of a referral. For a patient the unit keeps (right
 * or need without right) the same transaction can start the pakkeforløp: the
 * pathway with its start code A dated the assessment day, so nothing more is
 * entered on the pathway page. A referral assessed already is refused (409):
 * a wrong assessment is corrected (correct.ts), never overwritten.
 */
export async function assessReferral(actor: Actor, referralId: string, data: AssessReferralData, today: IsoDate) {
  assertCan(actor.user, "referral.write");
  const decision = API_DECISIONS[data.decision];

  return inReferralTransaction(actor, referralId, async (tx) => {
    const referral = await tx.referral.findUniqueOrThrow({
      where: { id: referralId },
      include: { unit: true, pathways: { select: { id: true, phase: true } } },
    });
    // a pathway made before the referral flow (Nytt forløp without an
    // assessment date) is this referral's pathway: the assessment starts it
    const waiting = referral.pathways.find((p) => p.phase === "awaiting_start");
    if (referral.assessedDate || referral.pathways.some((p) => p.phase !== "awaiting_start")) throw new ReferralAlreadyAssessed();

    const received = toIsoDate(referral.receivedDate);
    const problems = assessmentProblems(
      { assessedDate: data.assessedDate, decision, legalDeadline: data.legalDeadline, reason: data.reason, startsPathway: data.pathway !== null },
      received,
      today,
    );
    if (Object.keys(problems).length) throw new ValidationError(problems);
    if (waiting && closesReferral(decision)) {
      throw new ConflictError(
        "referral_has_pathway",
        "Henvisningen har et forløp som venter på start. Avslutt forløpet på forløpssiden, eller velg en beslutning der pasienten får helsehjelp her.",
      );
    }

    // the assessment is stored before the start code, so the pathway's first
    // derivation already reads the referral's legal deadline
    const pathwayId = waiting ? waiting.id : data.pathway ? await startPathway(tx, actor, referral, data.pathway, data.assessedDate) : null;
    const assessmentId = await storeAssessment(tx, actor, referralId, {
      assessedDate: data.assessedDate,
      decision,
      legalDeadline: data.legalDeadline,
      reason: data.reason,
      pathwayId,
    });
    if (pathwayId) {
      const start = { code: "A", outcome: null, activityCode: null, date: data.assessedDate, justification: data.justification, idempotencyKey: null };
      await createCheckedEvent(tx, actor, pathwayId, start, today);
    }
    await writeAudit(
      tx,
      {
        userId: actor.user.id,
        action: "REFERRAL_ASSESSED",
        patientId: referral.patientId,
        pathwayId,
        detail: { referralId, assessmentId, decision, late: data.assessedDate > referralDueDate(received) },
      },
      actor.meta,
    );
    return { referralId, pathwayId };
  });
}

type ReferralRow = { id: string; unitId: string; patientId: string; recordedPatientName: string | null; unit: { name: string; pathwayTypes: PathwayType[] } };

async function startPathway(
  tx: Tx,
  actor: Actor,
  referral: ReferralRow,
  pathway: { type: PathwayType; setting: CareSetting; responsibleClinicianId: string | null },
  assessedDate: IsoDate,
): Promise<string> {
  if (!referral.unit.pathwayTypes.includes(pathway.type)) {
    throw new ValidationError({ "pathway.type": [`${referral.unit.name} har ikke pakkeforløp ${pathway.type}.`] });
  }
  // a unit whose codes the EPJ holds gets its pathways (and their start code) from the import
  await assertUnitCodedHere(tx, referral.unitId);
  if (pathway.responsibleClinicianId) {
    await assertMayBeResponsible(tx, pathway.responsibleClinicianId, referral.unitId, "pathway.responsibleClinicianId", "Behandleren finnes ikke i enheten.");
  }
  const open = await tx.pathway.findFirst({
    where: { patientId: referral.patientId, type: pathway.type, status: "OPEN", unitId: { in: actor.user.unitIds } },
    select: { id: true },
  });
  if (open) throw new PathwayAlreadyOpen(open.id);
  const created = await tx.pathway.create({
    data: {
      type: pathway.type,
      setting: pathway.setting,
      unitId: referral.unitId,
      patientId: referral.patientId,
      recordedPatientName: referral.recordedPatientName,
      referralId: referral.id,
      responsibleClinicianId: pathway.responsibleClinicianId,
      coordinatorId: actor.user.role === "COORDINATOR" ? actor.user.id : null,
      openedDate: fromIsoDate(assessedDate),
    },
    select: { id: true },
  });
  await writeAudit(
    tx,
    { userId: actor.user.id, action: "PATHWAY_CREATED", patientId: referral.patientId, pathwayId: created.id, detail: { type: pathway.type, referralId: referral.id } },
    actor.meta,
  );
  return created.id;
}
