import "server-only";
import type { PlanContext, PlanRecord, StoredPathway } from "@/domain/epj-import/plan";
import { SETTING_TO_ENGINE } from "@/server/pathways/engine-input";
import type { PathwayType } from "@/domain/rules";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import type { Tx } from "@/server/db";
import { allowSyntheticIds } from "@/server/patients/schema";
import { currentRuleTables } from "@/server/rule-tables/load";

// What the import's plan is made against: the unit's pathways that came from
// the EPJ (with their events not annulled), the file's pathway ids that are
// another unit's pathways, and which of the file's patients the unit knows.
// Only the unit's own records are read (plus ids, never data, of others).

export async function loadPlanContext(db: Tx, unitId: string, records: readonly PlanRecord[], today: IsoDate): Promise<PlanContext> {
  const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { pathwayTypes: true } });
  const pathwayIds = [...new Set(records.map((r) => r.row?.pathway_id).filter((id): id is string => !!id))];
  const nationalIds = [...new Set(records.map((r) => r.row?.national_id).filter((id): id is string => !!id && /^\d{11}$/.test(id)))];
  const [pathways, foreign, known, openByHand] = await Promise.all([
    db.pathway.findMany({
      where: { unitId, externalId: { not: null } },
      select: {
        id: true,
        externalId: true,
        type: true,
        setting: true,
        directTreatmentRight: true,
        severe: true,
        patient: { select: { nationalId: true } },
        referral: { select: { receivedDate: true, legalDeadline: true } },
        events: { where: { annulledAt: null }, select: { id: true, externalId: true, code: true, outcome: true, clinicalDate: true, recordedAt: true } },
      },
    }),
    db.pathway.findMany({ where: { id: { in: pathwayIds }, unitId: { not: unitId } }, select: { id: true } }),
    db.patient.findMany({ where: { nationalId: { in: nationalIds }, referrals: { some: { unitId } } }, select: { nationalId: true } }),
    db.pathway.findMany({
      where: { unitId, externalId: null, status: "OPEN", patient: { nationalId: { in: nationalIds } } },
      select: { type: true, patient: { select: { nationalId: true } } },
    }),
  ]);
  const stored = new Map<string, StoredPathway>();
  for (const p of pathways) {
    stored.set(p.externalId!, {
      id: p.id,
      externalId: p.externalId!,
      nationalId: p.patient.nationalId,
      type: p.type as PathwayType,
      setting: SETTING_TO_ENGINE[p.setting],
      referralReceived: toIsoDate(p.referral.receivedDate),
      careDeadline: p.referral.legalDeadline ? toIsoDate(p.referral.legalDeadline) : null,
      directTreatmentRight: p.directTreatmentRight,
      severe: p.severe,
      events: p.events.map((e) => ({ id: e.id, externalId: e.externalId, letter: e.code, outcome: e.outcome, date: toIsoDate(e.clinicalDate), recordedAt: e.recordedAt.toISOString() })),
    });
  }
  return {
    today,
    allowSynthetic: allowSyntheticIds(),
    unitPathwayTypes: unit.pathwayTypes as PathwayType[],
    stored,
    foreign: new Set(foreign.map((f) => f.id)),
    knownInUnit: new Set(known.map((k) => k.nationalId)),
    openByHand: new Set(openByHand.map((p) => `${p.patient.nationalId}|${p.type}`)),
    tables: await currentRuleTables(db),
  };
}
