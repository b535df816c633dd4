import "server-only";
import type { PlanContext, PlanRecord, StoredPathway } from "@/domain/epj-import/plan";
import { SETTING_TO_ENGINE } from "@/server/pathways/engine-input";
import type { PathwayType, RuleTables } from "@/domain/rules";
import type { IsoDate } from "@/lib/dates";
import { Prisma } from "@/generated/prisma/client";
import { CareSetting, PathwayType as PathwayTypeEnum } from "@/generated/prisma/enums";
import { z } from "@/lib/zod";
import { sqlOf } from "@/server/sql";
import { sqlDate } from "@/server/sql-rows";
import type { Tx } from "@/server/db";
import { allowSyntheticIds } from "@/server/patients/schema";
import { currentRuleTables } from "@/server/rule-tables/load";

// What the import's plan is made against: the unit's pathways that came from
// the EPJ (with their events not annulled), the file's pathway ids that are
// another unit's pathways, and which of the file's patients the unit knows.
// Only the unit's own records are read (plus ids, never data, of others).

const storedRowSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  type: z.enum(PathwayTypeEnum),
  setting: z.enum(CareSetting),
  directTreatmentRight: z.boolean(),
  severe: z.boolean(),
  nationalId: z.string(),
  receivedOn: sqlDate,
  legalDeadline: sqlDate.nullable(),
  events: z.array(z.object({ id: z.string(), externalId: z.string().nullable(), code: z.string(), outcome: z.string().nullable(), date: sqlDate, recordedAt: z.string() })),
});

export async function loadPlanContext(db: Tx, unitId: string, records: readonly PlanRecord[], today: IsoDate, tables?: RuleTables): Promise<PlanContext> {
  const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { pathwayTypes: true } });
  const pathwayIds = [...new Set(records.map((r) => r.row?.pathway_id).filter((id): id is string => !!id))];
  const nationalIds = [...new Set(records.map((r) => r.row?.national_id).filter((id): id is string => !!id && /^\d{11}$/.test(id)))];
  const [pathways, foreign, known, openByHand] = await Promise.all([
    // one statement (events aggregated as JSON): the ORM's nested reads of every stored pathway of a unit took seconds
    sqlOf(db).rows(
      storedRowSchema,
      Prisma.sql`
        SELECT p."id", p."externalId", p."type"::text AS "type", p."setting"::text AS "setting", p."directTreatmentRight", p."severe",
          (SELECT pa."nationalId" FROM "Patient" pa WHERE pa."id" = p."patientId") AS "nationalId",
          to_char(r."receivedDate", 'YYYY-MM-DD') AS "receivedOn", to_char(r."legalDeadline", 'YYYY-MM-DD') AS "legalDeadline",
          COALESCE((
            SELECT json_agg(json_build_object('id', e."id", 'externalId', e."externalId", 'code', e."code", 'outcome', e."outcome",
              'date', to_char(e."clinicalDate", 'YYYY-MM-DD'), 'recordedAt', to_char(e."recordedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
            FROM "PathwayEvent" e WHERE e."pathwayId" = p."id" AND e."annulledAt" IS NULL
          ), '[]'::json) AS "events"
        FROM "Pathway" p JOIN "Referral" r ON r."id" = p."referralId"
        WHERE p."unitId" = ${unitId} AND p."externalId" IS NOT NULL`,
    ),
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
      nationalId: p.nationalId,
      type: p.type,
      setting: SETTING_TO_ENGINE[p.setting],
      referralReceived: p.receivedOn,
      careDeadline: p.legalDeadline,
      directTreatmentRight: p.directTreatmentRight,
      severe: p.severe,
      events: p.events.map((e) => ({ id: e.id, externalId: e.externalId, letter: e.code, outcome: e.outcome, date: e.date, recordedAt: e.recordedAt })),
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
    tables: tables ?? (await currentRuleTables(db)),
  };
}
