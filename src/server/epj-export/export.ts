import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/lib/dates";
import type { EpjRow } from "@/lib/epj-csv";
import { writeAudit } from "@/server/audit";
import type { Tx } from "@/server/db";
import type { RequestMeta } from "@/server/request-meta";

// `npm run export`: a unit's codes as an EPJ extract (the shared writer in
// src/lib/epj-csv), ready for the EPJ or NPR reporting, and readable by the
// import: export → import into an empty database → export gives the same file.
// Events not annulled; a pathway's key is its external id (from an import)
// or its id here, an event's its external id or its id here. Sorted by
// pathway key, date, code, outcome and event key, so the file does not depend
// on storage order. One audit row names every exported patient.

export interface ExportFilter {
  from?: IsoDate;
  to?: IsoDate;
}

interface ExportRow {
  eventKey: string;
  pathwayKey: string;
  nationalId: string;
  patientName: string;
  type: string;
  setting: "POLIKLINIKK" | "DOGN";
  received: string;
  careDeadline: string | null;
  referrer: string;
  date: string;
  code: string;
  outcome: string | null;
  patientId: string;
}

export async function exportUnitRows(db: Tx, unitId: string, filter: ExportFilter = {}): Promise<{ rows: Partial<EpjRow>[]; patientIds: string[] }> {
  const from = filter.from ? Prisma.sql`AND e."clinicalDate" >= ${filter.from}::date` : Prisma.empty;
  const to = filter.to ? Prisma.sql`AND e."clinicalDate" <= ${filter.to}::date` : Prisma.empty;
  const rows = await db.$queryRaw<ExportRow[]>(Prisma.sql`
    SELECT COALESCE(e."externalId", e."id") AS "eventKey", COALESCE(p."externalId", p."id") AS "pathwayKey",
           pt."nationalId", COALESCE(p."recordedPatientName", pt."name") AS "patientName", p."type"::text AS "type",
           p."setting"::text AS "setting", to_char(r."receivedDate", 'YYYY-MM-DD') AS "received",
           to_char(r."legalDeadline", 'YYYY-MM-DD') AS "careDeadline", r."referrerName" AS "referrer",
           to_char(e."clinicalDate", 'YYYY-MM-DD') AS "date", e."code", e."outcome", pt."id" AS "patientId"
    FROM "PathwayEvent" e
    JOIN "Pathway" p ON p."id" = e."pathwayId"
    JOIN "Patient" pt ON pt."id" = p."patientId"
    JOIN "Referral" r ON r."id" = p."referralId"
    WHERE p."unitId" = ${unitId} AND e."annulledAt" IS NULL ${from} ${to}
    ORDER BY COALESCE(p."externalId", p."id") COLLATE "C", e."clinicalDate", e."code" COLLATE "C", COALESCE(e."outcome", '') COLLATE "C",
             COALESCE(e."externalId", e."id") COLLATE "C"`);
  return {
    rows: rows.map((r) => ({
      event_id: r.eventKey,
      pathway_id: r.pathwayKey,
      national_id: r.nationalId,
      patient_name: r.patientName,
      type: r.type,
      setting: r.setting === "DOGN" ? "dogn" : "poliklinikk",
      referral_received: r.received,
      care_deadline: r.careDeadline ?? "",
      referrer: r.referrer,
      date: r.date,
      code: `${r.type}${r.code}`,
      outcome: r.outcome ?? "",
    })),
    patientIds: [...new Set(rows.map((r) => r.patientId))],
  };
}

/** The audit row of an export: who, which unit and period, every patient in the file. */
export async function auditExport(db: Tx, userId: string | null, unitId: string, filter: ExportFilter, rows: number, patientIds: string[], meta: RequestMeta): Promise<void> {
  await writeAudit(db, { userId, action: "EXPORT_DOWNLOADED", patientIds, detail: { list: "epj-export", unitId, from: filter.from ?? null, to: filter.to ?? null, rows } }, meta);
}
