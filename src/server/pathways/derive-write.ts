import "server-only";
import { countsInIndicators, decidedOn, type PathwayEvaluation } from "@/domain/rules";
import { noticeKey, type WorklistItemDraft } from "@/domain/worklist";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import type { Tx } from "@/server/db";
import type { DeriveRow } from "./derive-load";

// Writes the rules engine's verdict in bulk: one statement per table per
// batch, arrays passed as parameters (unnest), so a batch of a thousand
// pathways costs a handful of round trips whatever its size.

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

export function itemRows(p: Meta, drafts: WorklistItemDraft[], postponedUntil: Map<string, Date>): ItemRow[] {
  return drafts.map((d) => {
    const until = postponedUntil.get(`${p.id}|${d.key}`);
    return {
      ...d,
      pathwayId: p.id,
      unitId: p.unitId,
      type: p.type,
      setting: p.setting,
      responsibleClinicianId: p.responsibleClinicianId,
      postponedUntil: until ? toIsoDate(until) : null,
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

// Rows travel as one JSON parameter (json_to_recordset): large array
// parameters cost far more in the driver than one string does.
const json = (rows: unknown[]) => JSON.stringify(rows);

export async function writeDerivedColumns(tx: Tx, ids: string[], evaluations: PathwayEvaluation[], today: IsoDate) {
  const rows = evaluations.map((e, i) => ({
    id: ids[i],
    phase: e.phase,
    status: e.phase === "closed" ? "CLOSED" : "OPEN",
    closed: e.closedOn,
    kind: e.nextDeadline?.kind ?? null,
    due: e.nextDeadline?.due ?? null,
    notices: e.notices.length,
    last: e.lastEventDate,
  }));
  await tx.$executeRaw`
    UPDATE "Pathway" AS p SET
      "phase" = v.phase,
      "status" = v.status::"PathwayStatus",
      "closedDate" = v.closed,
      "nextDeadlineKind" = v.kind,
      "nextDeadlineDue" = v.due,
      "noticeCount" = v.notices,
      "lastEventDate" = v.last,
      "derivedOn" = ${today}::date
    FROM json_to_recordset(${json(rows)}::json) AS v(id text, phase text, status text, closed date, kind text, due date, notices int, last date)
    WHERE p."id" = v.id`;
}

export async function insertItemRows(tx: Tx, items: ItemRow[]) {
  if (items.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "WorklistItem" ("id", "pathwayId", "unitId", "type", "setting", "responsibleClinicianId", "reason", "key",
      "dueOn", "sinceOn", "deadlineKind", "noticeId", "eventId", "outcome", "postponedUntil")
    SELECT gen_random_uuid()::text, v."pathwayId", v."unitId", v."type"::"PathwayType", v."setting"::"CareSetting", v."responsibleClinicianId",
      v."reason"::"WorklistReason", v."key", v."dueOn", v."sinceOn", v."deadlineKind", v."noticeId", v."eventId", v."outcome", v."postponedUntil"
    FROM json_to_recordset(${json(items)}::json) AS v("pathwayId" text, "unitId" text, "type" text, "setting" text,
      "responsibleClinicianId" text, "reason" text, "key" text, "dueOn" date, "sinceOn" date, "deadlineKind" text,
      "noticeId" text, "eventId" text, "outcome" text, "postponedUntil" date)`;
}

export async function insertDeadlineRows(tx: Tx, deadlines: DeadlineRow[]) {
  if (deadlines.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "PathwayDeadline" ("id", "pathwayId", "unitId", "type", "kind", "fromDate", "due", "completedOn", "met", "daysLate", "cause", "decidedOn")
    SELECT gen_random_uuid()::text, v."pathwayId", v."unitId", v."type"::"PathwayType", v."kind", v."fromDate", v."due", v."completedOn",
      v."met", v."daysLate", v."cause", v."decidedOn"
    FROM json_to_recordset(${json(deadlines)}::json) AS v("pathwayId" text, "unitId" text, "type" text, "kind" text,
      "fromDate" date, "due" date, "completedOn" date, "met" boolean, "daysLate" int, "cause" text, "decidedOn" date)`;
}

export async function insertNoticeRows(tx: Tx, notices: NoticeRow[]) {
  if (notices.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "PathwayNotice" ("id", "pathwayId", "unitId", "type", "noticeId", "noticeKey", "date", "eventId", "recordedById")
    SELECT gen_random_uuid()::text, v."pathwayId", v."unitId", v."type"::"PathwayType", v."noticeId", v."noticeKey", v."date", v."eventId", v."recordedById"
    FROM json_to_recordset(${json(notices)}::json) AS v("pathwayId" text, "unitId" text, "type" text, "noticeId" text,
      "noticeKey" text, "date" date, "eventId" text, "recordedById" text)`;
}

export async function replaceDerivedRows(tx: Tx, ids: string[], rows: { items: ItemRow[]; deadlines: DeadlineRow[]; notices: NoticeRow[] }) {
  await tx.$executeRaw`DELETE FROM "WorklistItem" WHERE "pathwayId" = ANY(${ids}::text[])`;
  await tx.$executeRaw`DELETE FROM "PathwayDeadline" WHERE "pathwayId" = ANY(${ids}::text[])`;
  await tx.$executeRaw`DELETE FROM "PathwayNotice" WHERE "pathwayId" = ANY(${ids}::text[])`;
  await insertItemRows(tx, rows.items);
  await insertDeadlineRows(tx, rows.deadlines);
  await insertNoticeRows(tx, rows.notices);
}
