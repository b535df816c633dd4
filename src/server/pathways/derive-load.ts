import "server-only";
import type { PathwayInput } from "@/domain/rules";
import { Prisma } from "@/generated/prisma/client";
import { CareSetting, PathwayType } from "@/generated/prisma/enums";
import type { IsoDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import type { Tx } from "@/server/db";
import { sqlOf, type Sql } from "@/server/sql";
import { sqlDate } from "@/server/sql-rows";
import { SETTING_TO_ENGINE } from "./engine-input";
import { DEADLINE_FIELDS, ITEM_FIELDS, NOTICE_FIELDS } from "./derive-diff";

// Loads pathways with their events for the rules engine in one SQL statement
// (events aggregated as JSON). The nightly recompute reads every pathway, and
// the ORM's mapping of nested results cost more than the engine itself.

export interface DeriveRow {
  id: string;
  type: PathwayType;
  setting: CareSetting;
  unitId: string;
  patientId: string;
  responsibleClinicianId: string | null;
  openedOn: IsoDate;
  closedOn: IsoDate | null;
  status: "OPEN" | "CLOSED";
  input: PathwayInput;
  /** event id → who recorded it (for the data-quality report) */
  recordedBy: Record<string, string>;
  /** the digest of the derived data as stored (derive-diff.ts); null or absent: unknown */
  derivedDigest?: string | null;
}

/** An event as the loads' JSON carries it (json_build_object, dates formatted in SQL). */
export const eventJson = z.object({
  id: z.string(),
  code: z.string(),
  outcome: z.string().nullable(),
  activityCode: z.string().nullable(),
  date: sqlDate,
  recordedAt: z.string(),
});

/** A row of deriveSelect. */
export const rawRowSchema = z.object({
  id: z.string(),
  type: z.enum(PathwayType),
  setting: z.enum(CareSetting),
  unitId: z.string(),
  patientId: z.string(),
  responsibleClinicianId: z.string().nullable(),
  openedOn: sqlDate,
  closedOn: sqlDate.nullable(),
  status: z.enum(["OPEN", "CLOSED"]),
  receivedOn: sqlDate,
  legalDeadline: sqlDate.nullable(),
  directTreatmentRight: z.boolean(),
  severe: z.boolean(),
  derivedDigest: z.string().nullable(),
  events: z.array(eventJson.extend({ annulled: z.boolean(), recordedById: z.string() })),
});
export type RawRow = z.output<typeof rawRowSchema>;

/**
 * Either these pathways (only within `unitIds` when given: a user's scope), or
 * the next page of all (or all open) pathways by id.
 */
export type DeriveSelection = { ids: string[]; unitIds?: string[] } | { after: string | null; limit: number; onlyOpen: boolean };

function whereFor(selection: DeriveSelection): Prisma.Sql {
  if ("ids" in selection) {
    const scope = selection.unitIds ? Prisma.sql`AND p."unitId" = ANY(${selection.unitIds}::text[])` : Prisma.empty;
    return Prisma.sql`p."id" = ANY(${selection.ids}::text[]) ${scope}`;
  }
  const after = selection.after ? Prisma.sql`p."id" > ${selection.after}` : Prisma.sql`TRUE`;
  const open = selection.onlyOpen ? Prisma.sql`p."status" = 'OPEN'` : Prisma.sql`TRUE`;
  return Prisma.sql`${after} AND ${open}`;
}

/** Locks the next page of pathways by id for the caller's transaction; returns their ids. */
export async function lockNextPage(db: Tx | Sql, selection: Extract<DeriveSelection, { after: string | null }>): Promise<string[]> {
  const rows = await sqlOf(db).rows(z.object({ id: z.string() }), Prisma.sql`
    SELECT p."id" FROM "Pathway" p WHERE ${whereFor(selection)} ORDER BY p."id" LIMIT ${selection.limit} FOR NO KEY UPDATE`);
  return rows.map((r) => r.id);
}

export async function loadForDerive(db: Tx | Sql, selection: DeriveSelection): Promise<DeriveRow[]> {
  const limit = "ids" in selection ? Prisma.empty : Prisma.sql`LIMIT ${selection.limit}`;
  const rows = await sqlOf(db).rows(rawRowSchema, Prisma.sql`${deriveSelect(whereFor(selection))} ORDER BY p."id" ${limit}`);
  return rows.map(toDeriveRow);
}

/** The SELECT of pathways as the engine sees them (alias p), for loadForDerive and the registration's load. */
export function deriveSelect(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT p."id", p."type"::text AS "type", p."setting"::text AS "setting", p."unitId", p."patientId",
      p."responsibleClinicianId", p."directTreatmentRight", p."severe", p."status"::text AS "status", p."derivedDigest",
      to_char(p."openedDate", 'YYYY-MM-DD') AS "openedOn",
      to_char(p."closedDate", 'YYYY-MM-DD') AS "closedOn",
      -- a lookup by key per pathway: as a join, the planner scanned every referral for each page
      (SELECT to_char(r."receivedDate", 'YYYY-MM-DD') FROM "Referral" r WHERE r."id" = p."referralId") AS "receivedOn",
      (SELECT to_char(r."legalDeadline", 'YYYY-MM-DD') FROM "Referral" r WHERE r."id" = p."referralId") AS "legalDeadline",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', e."id", 'code', e."code", 'outcome', e."outcome", 'activityCode', e."activityCode",
          'date', to_char(e."clinicalDate", 'YYYY-MM-DD'),
          'recordedAt', to_char(e."recordedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'annulled', e."annulledAt" IS NOT NULL, 'recordedById', e."recordedById"))
        FROM "PathwayEvent" e WHERE e."pathwayId" = p."id"
      ), '[]'::json) AS "events"
    FROM "Pathway" p
    WHERE ${where}`;
}

/** A row of deriveSelect as the engine's input. */
export function toDeriveRow({ receivedOn, legalDeadline, directTreatmentRight, severe, events, ...row }: RawRow): DeriveRow {
  return {
    ...row,
    input: {
      id: row.id,
      type: row.type,
      setting: SETTING_TO_ENGINE[row.setting],
      referralReceived: receivedOn,
      careDeadline: legalDeadline,
      directTreatmentRight,
      severe,
      events,
    },
    recordedBy: Object.fromEntries(events.map((e) => [e.id, e.recordedById])),
  };
}

// the date columns among the FIELDS, read as YYYY-MM-DD like the writer's rows
const DATES = new Set(["dueOn", "sinceOn", "postponedUntil", "fromDate", "due", "completedOn", "decidedOn", "date"]);

/** One JSON array of a table's rows for these pathways, each as [id, ...values of `fields`] (derive-diff.ts). */
function storedColumn(table: string, fields: readonly string[], ids: Prisma.Sql, alias: string): Prisma.Sql {
  const values = ["id", ...fields].map((f) => (DATES.has(f) ? `to_char(t."${f}", 'YYYY-MM-DD')` : `t."${f}"`)).join(", ");
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_array(${Prisma.raw(values)}))
    FROM ${Prisma.raw(`"${table}"`)} t WHERE t."pathwayId" = ANY(${ids})), '[]'::json) AS ${Prisma.raw(`"${alias}"`)}`;
}

// a stored row: its id, then its values in the order of the table's FIELDS
const storedTuple = z.tuple([z.string()], z.unknown());
/** The three columns of storedColumns. */
export const storedRowsSchema = z.object({
  storedItems: z.array(storedTuple),
  storedDeadlines: z.array(storedTuple),
  storedNotices: z.array(storedTuple),
});

/** The stored derived rows of these pathways (an SQL array of ids), as three columns of StoredRows. */
export function storedColumns(ids: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${storedColumn("WorklistItem", ITEM_FIELDS, ids, "storedItems")},
    ${storedColumn("PathwayDeadline", DEADLINE_FIELDS, ids, "storedDeadlines")},
    ${storedColumn("PathwayNotice", NOTICE_FIELDS, ids, "storedNotices")}`;
}
