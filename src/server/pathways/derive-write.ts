import "server-only";
import { countsInIndicators, decidedOn, type PathwayEvaluation } from "@/domain/rules";
import { noticeKey, type WorklistItemDraft } from "@/domain/worklist";
import type { IsoDate } from "@/lib/dates";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { sqlOf, type Sql } from "@/server/sql";
import type { DeriveRow } from "./derive-load";
import type { DerivedChanges } from "./derive-diff";

// Writes the rules engine's verdict in bulk: two statements per batch (see
// replaceDerived), so a batch of a thousand pathways costs the same few round
// trips as one pathway, and only the rows that changed (derive-diff.ts).

type Meta = Pick<DeriveRow, "id" | "unitId" | "type" | "setting" | "responsibleClinicianId" | "recordedBy">;

/** A worklist row as stored: the engine's draft plus the pathway's columns the filters use. */
export interface ItemRow extends WorklistItemDraft {
  pathwayId: string;
  unitId: string;
  type: string;
  setting: string;
  responsibleClinicianId: string | null;
  postponedUntil: IsoDate | null;
}

export interface DeadlineRow {
  pathwayId: string;
  unitId: string;
  type: string;
  kind: string;
  fromDate: IsoDate;
  due: IsoDate;
  completedOn: IsoDate | null;
  met: boolean | null;
  daysLate: number;
  cause: string | null;
  decidedOn: IsoDate | null;
}

export interface NoticeRow {
  pathwayId: string;
  unitId: string;
  type: string;
  noticeId: string;
  noticeKey: string;
  date: IsoDate;
  eventId: string | null;
  recordedById: string | null;
}

export function itemRows(p: Meta, drafts: WorklistItemDraft[], postponedUntil: Map<string, IsoDate>): ItemRow[] {
  return drafts.map((d) => {
    return {
      ...d,
      pathwayId: p.id,
      unitId: p.unitId,
      type: p.type,
      setting: p.setting,
      responsibleClinicianId: p.responsibleClinicianId,
      postponedUntil: postponedUntil.get(`${p.id}|${d.key}`) ?? null,
    };
  });
}

export function deadlineRows(p: Meta, evaluation: PathwayEvaluation): DeadlineRow[] {
  // a pathway NPR leaves out of the calculation has no day its deadlines count on
  const counted = countsInIndicators(evaluation);
  return evaluation.deadlines.map((d) => ({
    pathwayId: p.id,
    unitId: p.unitId,
    type: p.type,
    kind: d.kind,
    fromDate: d.from,
    due: d.due,
    completedOn: d.completedOn,
    // the verdict as of the derivation day; the nightly recompute moves it on
    met: d.met,
    daysLate: d.daysLate,
    cause: d.cause,
    decidedOn: counted ? decidedOn(d) : null,
  }));
}

export function noticeRows(p: Meta, evaluation: PathwayEvaluation): NoticeRow[] {
  return evaluation.notices.map((n) => ({
    pathwayId: p.id,
    unitId: p.unitId,
    type: p.type,
    noticeId: n.id,
    noticeKey: noticeKey(n),
    date: n.date,
    eventId: n.eventId,
    recordedById: n.eventId ? p.recordedBy[n.eventId] ?? null : null,
  }));
}

export interface DerivedRows {
  items: ItemRow[];
  deadlines: DeadlineRow[];
  notices: NoticeRow[];
}

// Rows travel as one JSON parameter (json_to_recordset): large array
// parameters cost far more in the driver than one string does.
const json = (rows: unknown[]) => JSON.stringify(rows);

export function columnRows(ids: string[], evaluations: PathwayEvaluation[]) {
  return evaluations.map((e, i) => ({
    id: ids[i],
    phase: e.phase,
    status: e.phase === "closed" ? "CLOSED" : "OPEN",
    closed: e.closedOn,
    kind: e.nextDeadline?.kind ?? null,
    due: e.nextDeadline?.due ?? null,
    notices: e.notices.length,
    last: e.lastEventDate,
  }));
}

// The pieces of the derived writes, shared by the batch rewrite below and the
// registration's single guarded statement (events/register-write.ts).

/**
 * UPDATE of the derived columns on Pathway (alias p); `guard` narrows which
 * rows. The digest of the derived data (derive-diff.ts) is set from `digests`,
 * or cleared (unknown) without them.
 */
export function pathwayColumnsUpdate(
  ids: string[],
  evaluations: PathwayEvaluation[],
  today: IsoDate,
  guard: Prisma.Sql = Prisma.empty,
  digests?: Map<string, string>,
): Prisma.Sql {
  const rows = columnRows(ids, evaluations).map((r) => ({ ...r, digest: digests?.get(r.id) ?? null }));
  return Prisma.sql`
    UPDATE "Pathway" AS p SET
      "phase" = v.phase,
      "status" = v.status::"PathwayStatus",
      "closedDate" = v.closed,
      "nextDeadlineKind" = v.kind,
      "nextDeadlineDue" = v.due,
      "noticeCount" = v.notices,
      "lastEventDate" = v.last,
      "derivedOn" = ${today}::date,
      "derivedDigest" = v.digest
    FROM json_to_recordset(${json(rows)}::json)
      AS v(id text, phase text, status text, closed date, kind text, due date, notices int, last date, digest text)
    WHERE p."id" = v.id ${guard}`;
}

export const ITEM_COLUMNS = Prisma.raw(`("id", "pathwayId", "unitId", "type", "setting", "responsibleClinicianId", "reason", "key",
  "dueOn", "sinceOn", "deadlineKind", "noticeId", "eventId", "outcome", "postponedUntil")`);

/** The worklist rows to insert, in ITEM_COLUMNS order (only when `guard` holds). */
export function itemSource(items: ItemRow[], guard: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`
    SELECT gen_random_uuid()::text, v."pathwayId", v."unitId", v."type"::"PathwayType", v."setting"::"CareSetting", v."responsibleClinicianId",
      v."reason"::"WorklistReason", v."key", v."dueOn", v."sinceOn", v."deadlineKind", v."noticeId", v."eventId", v."outcome", v."postponedUntil"
    FROM json_to_recordset(${json(items)}::json) AS v("pathwayId" text, "unitId" text, "type" text, "setting" text,
      "responsibleClinicianId" text, "reason" text, "key" text, "dueOn" date, "sinceOn" date, "deadlineKind" text,
      "noticeId" text, "eventId" text, "outcome" text, "postponedUntil" date)
    WHERE ${guard}`;
}

export const DEADLINE_COLUMNS = Prisma.raw(
  `("id", "pathwayId", "unitId", "type", "kind", "fromDate", "due", "completedOn", "met", "daysLate", "cause", "decidedOn")`,
);

/** The deadline rows to insert, in DEADLINE_COLUMNS order (only when `guard` holds). */
export function deadlineSource(deadlines: DeadlineRow[], guard: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`
    SELECT gen_random_uuid()::text, v."pathwayId", v."unitId", v."type"::"PathwayType", v."kind", v."fromDate", v."due", v."completedOn",
      v."met", v."daysLate", v."cause", v."decidedOn"
    FROM json_to_recordset(${json(deadlines)}::json) AS v("pathwayId" text, "unitId" text, "type" text, "kind" text,
      "fromDate" date, "due" date, "completedOn" date, "met" boolean, "daysLate" int, "cause" text, "decidedOn" date)
    WHERE ${guard}`;
}

export const NOTICE_COLUMNS = Prisma.raw(`("id", "pathwayId", "unitId", "type", "noticeId", "noticeKey", "date", "eventId", "recordedById")`);

/** The notice rows to insert, in NOTICE_COLUMNS order (only when `guard` holds). */
export function noticeSource(notices: NoticeRow[], guard: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`
    SELECT gen_random_uuid()::text, v."pathwayId", v."unitId", v."type"::"PathwayType", v."noticeId", v."noticeKey", v."date", v."eventId", v."recordedById"
    FROM json_to_recordset(${json(notices)}::json) AS v("pathwayId" text, "unitId" text, "type" text, "noticeId" text,
      "noticeKey" text, "date" date, "eventId" text, "recordedById" text)
    WHERE ${guard}`;
}

/**
 * Writes the derived data of a batch of pathways in two statements: the
 * columns on Pathway and the removal of the rows no longer derived, then the
 * rows derived anew (data-modifying CTEs). Two statements, not one: a new
 * worklist row may repeat the unique key of a removed one, which a single
 * statement would still see.
 */
export async function replaceDerived(
  db: Tx | Sql,
  ids: string[],
  evaluations: PathwayEvaluation[],
  today: IsoDate,
  changes: DerivedChanges,
  digests?: Map<string, string>,
) {
  const sql = sqlOf(db);
  const gone = (ids: string[]) => Prisma.sql`"id" IN (SELECT value FROM json_array_elements_text(${json(ids)}::json))`;
  await sql.run(Prisma.sql`
    WITH columns AS (${pathwayColumnsUpdate(ids, evaluations, today, Prisma.empty, digests)}),
    old_items AS (DELETE FROM "WorklistItem" WHERE ${gone(changes.gone.items)}),
    old_deadlines AS (DELETE FROM "PathwayDeadline" WHERE ${gone(changes.gone.deadlines)})
    DELETE FROM "PathwayNotice" WHERE ${gone(changes.gone.notices)}`);
  const { items, deadlines, notices } = changes.added;
  if (items.length + deadlines.length + notices.length === 0) return;
  await sql.run(Prisma.sql`
    WITH new_items AS (INSERT INTO "WorklistItem" ${ITEM_COLUMNS} ${itemSource(items)}),
    new_deadlines AS (INSERT INTO "PathwayDeadline" ${DEADLINE_COLUMNS} ${deadlineSource(deadlines)})
    INSERT INTO "PathwayNotice" ${NOTICE_COLUMNS} ${noticeSource(notices)}`);
}
