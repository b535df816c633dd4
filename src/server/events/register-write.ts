import "server-only";
import type { RecentEvent } from "@/domain/events/double-submit";
import type { PathwayEvaluation } from "@/domain/rules";
import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/lib/dates";
import { auditInsert, type AuditEntry } from "@/server/audit";
import type { Tx } from "@/server/db";
import { z } from "@/lib/zod";
import { deriveSelect, eventJson, rawRowSchema, toDeriveRow, type DeriveRow } from "@/server/pathways/derive-load";
import { contextColumns, deriveContextSchema, type DeriveContext } from "@/server/pathways/derived";
import {
  DEADLINE_COLUMNS,
  ITEM_COLUMNS,
  NOTICE_COLUMNS,
  deadlineSource,
  itemSource,
  noticeSource,
  pathwayColumnsUpdate,
  type DerivedRows,
} from "@/server/pathways/derive-write";
import type { RequestMeta } from "@/server/request-meta";
import { sqlOf, type Sql } from "@/server/sql";
import { CODES_RECORDED_IN, type CodesRecordedIn } from "@/domain/codes-recorded-in";

// A registration is one read and one write, each a single statement: no row
// lock and no BEGIN/COMMIT round trips (each round trip cost ~0.5 ms of CPU
// on the benchmark VM, and a registration made ten). Optimistic instead: the
// write changes anything only if the pathway row is still the version that was
// read (its xmin; every change to a pathway's events or derived data updates
// that row), otherwise it writes nothing and the caller reads again. One
// statement commits whole or not at all: event, derived rows, audit row.

export interface RegistrationTarget {
  pathway: DeriveRow;
  context: DeriveContext;
  /** the pathway row's version (xmin) as read */
  version: string;
  /** an event already stored under the submission's idempotency key */
  existingId: string | null;
  /** without a key: the submitter's events on the pathway since `recentSince`, not annulled (to tell a repeat) */
  recent: RecentEvent[];
  /** the pathway's unit: which system holds its codes (units/codes-recorded-in.ts), read in the same statement */
  unit: { name: string; codesRecordedIn: CodesRecordedIn };
}

/** The registration's read (exported for scripts/bench-rows.ts). */
export const targetRow = rawRowSchema.extend(deriveContextSchema.shape).extend({
  version: z.string(),
  unitName: z.string(),
  codesRecordedIn: z.enum(CODES_RECORDED_IN),
  existingId: z.string().nullable(),
  recent: z.array(eventJson.extend({ justification: z.string().nullable() })),
}) satisfies z.ZodType<{ recent: RecentEvent[] }>;

/** The pathway as the engine sees it, what else decides its derived rows, and its version: one statement. Null outside the units. */
export async function loadRegistrationTarget(
  db: Tx | Sql,
  pathwayId: string,
  unitIds: string[],
  submission: { idempotencyKey: string | null; userId: string; recentSince: Date },
): Promise<RegistrationTarget | null> {
  const { idempotencyKey, userId, recentSince } = submission;
  // With a key the key alone decides (no "recent"), without one there is no
  // stored key to find: two statements of fixed shapes. As one, PostgreSQL
  // never took the prepared statement's generic plan (the unused branch made
  // it look dearer) and planned every registration anew: 0.6–0.8 ms of its
  // CPU against 0.03 ms, for the same plan and rows.
  const existingSql = idempotencyKey
    ? Prisma.sql`(SELECT e."id" FROM "PathwayEvent" e WHERE e."pathwayId" = t."id" AND e."idempotencyKey" = ${idempotencyKey})`
    : Prisma.sql`NULL::text`;
  const recentSql = idempotencyKey
    ? Prisma.sql`'[]'::json`
    : Prisma.sql`(SELECT COALESCE(json_agg(json_build_object(
          'id', e."id", 'code', e."code", 'outcome', e."outcome", 'activityCode', e."activityCode",
          'date', to_char(e."clinicalDate", 'YYYY-MM-DD'), 'justification', e."justification",
          'recordedAt', to_char(e."recordedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))), '[]'::json)
        FROM "PathwayEvent" e
        WHERE e."pathwayId" = t."id" AND e."recordedById" = ${userId}
          AND e."annulledAt" IS NULL AND e."recordedAt" >= ${recentSince.toISOString()}::timestamptz)`;
  const [row] = await sqlOf(db).rows(targetRow, Prisma.sql`
    SELECT t.*, ${contextColumns(Prisma.sql`ARRAY[t."patientId"]`, Prisma.sql`ARRAY[t."id"]`)},
      (SELECT pv."xmin"::text FROM "Pathway" pv WHERE pv."id" = t."id") AS "version",
      u."name" AS "unitName", u."codesRecordedIn"::text AS "codesRecordedIn",
      ${existingSql} AS "existingId",
      ${recentSql} AS "recent"
    FROM (${deriveSelect(Prisma.sql`p."id" = ${pathwayId} AND p."unitId" = ANY(${unitIds}::text[])`)}) t
      JOIN "Unit" u ON u."id" = t."unitId"`);
  if (!row) return null;
  const { siblings, explanations, postponements, version, existingId, recent, unitName, codesRecordedIn, ...raw } = row;
  return {
    pathway: toDeriveRow(raw),
    context: { siblings, explanations, postponements },
    version,
    existingId,
    recent,
    unit: { name: unitName, codesRecordedIn },
  };
}

// built once: a zod schema made per call cost a registration more than checking its rows
const writtenRow = z.object({ written: z.boolean() });

export interface NewEvent {
  id: string;
  pathwayId: string;
  code: string;
  outcome: string | null;
  activityCode: string | null;
  date: IsoDate;
  /** ISO timestamp */
  recordedAt: string;
  recordedById: string;
  justification: string | null;
  idempotencyKey: string | null;
  replacesId: string | null;
}

/**
 * Stores the event, the pathway's new derived columns and rows, and the audit
 * row in one statement, if the pathway is still at `version`. Returns false
 * (and has written nothing) when it is not.
 */
export async function writeRegistration(
  db: Tx | Sql,
  w: { version: string; event: NewEvent; evaluation: PathwayEvaluation; today: IsoDate; rows: DerivedRows; audit: AuditEntry; meta: RequestMeta },
): Promise<boolean> {
  const { event: e } = w;
  const written = Prisma.sql`EXISTS (SELECT 1 FROM upd)`;
  const [row] = await sqlOf(db).rows(writtenRow, Prisma.sql`
    WITH upd AS (${pathwayColumnsUpdate([e.pathwayId], [w.evaluation], w.today, Prisma.sql`AND p."xmin"::text = ${w.version}`)} RETURNING p."id"),
    new_event AS (
      INSERT INTO "PathwayEvent" ("id", "pathwayId", "code", "outcome", "activityCode", "clinicalDate", "recordedAt", "recordedById",
        "justification", "idempotencyKey", "replacesId")
      SELECT ${e.id}, ${e.pathwayId}, ${e.code}, ${e.outcome}, ${e.activityCode}, ${e.date}::date, ${e.recordedAt}::timestamptz, ${e.recordedById},
        ${e.justification}, ${e.idempotencyKey}, ${e.replacesId}
      FROM upd
    ),
    audit AS (${auditInsert(w.audit, w.meta, Prisma.sql`FROM upd`)}),
    -- worklist rows keep their keys ("pathwayId", "key" is unique): the ones
    -- gone are deleted, the others upserted (one statement cannot delete and
    -- re-insert the same key)
    old_items AS (
      DELETE FROM "WorklistItem" WHERE "pathwayId" IN (SELECT "id" FROM upd) AND NOT ("key" = ANY(${w.rows.items.map((i) => i.key)}::text[]))
    ),
    new_items AS (
      INSERT INTO "WorklistItem" ${ITEM_COLUMNS} ${itemSource(w.rows.items, written)}
      ON CONFLICT ("pathwayId", "key") DO UPDATE SET
        "unitId" = EXCLUDED."unitId", "type" = EXCLUDED."type", "setting" = EXCLUDED."setting",
        "responsibleClinicianId" = EXCLUDED."responsibleClinicianId", "reason" = EXCLUDED."reason", "dueOn" = EXCLUDED."dueOn",
        "sinceOn" = EXCLUDED."sinceOn", "deadlineKind" = EXCLUDED."deadlineKind", "noticeId" = EXCLUDED."noticeId",
        "eventId" = EXCLUDED."eventId", "outcome" = EXCLUDED."outcome", "postponedUntil" = EXCLUDED."postponedUntil"
    ),
    old_deadlines AS (DELETE FROM "PathwayDeadline" WHERE "pathwayId" IN (SELECT "id" FROM upd)),
    new_deadlines AS (INSERT INTO "PathwayDeadline" ${DEADLINE_COLUMNS} ${deadlineSource(w.rows.deadlines, written)}),
    old_notices AS (DELETE FROM "PathwayNotice" WHERE "pathwayId" IN (SELECT "id" FROM upd)),
    new_notices AS (INSERT INTO "PathwayNotice" ${NOTICE_COLUMNS} ${noticeSource(w.rows.notices, written)})
    SELECT ${written} AS "written"`);
  return row.written;
}
