import "server-only";
import type { PathwayEvaluation } from "@/domain/rules";
import type { WorklistItemDraft } from "@/domain/worklist";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import type { Tx } from "@/server/db";
import type { DeriveRow } from "./derive-load";

// Writes the rules engine's verdict in bulk: one statement per table per
// batch, arrays passed as parameters (unnest), so a batch of a thousand
// pathways costs a handful of round trips whatever its size.

type Meta = Pick<DeriveRow, "id" | "unitId" | "type" | "setting" | "responsibleClinicianId">;

export interface ItemRow {
  pathwayId: string;
  unitId: string;
  type: string;
  setting: string;
  responsibleClinicianId: string | null;
  reason: string;
  key: string;
  dueOn: IsoDate;
  sinceOn: IsoDate | null;
  deadlineKind: string | null;
  noticeId: string | null;
  eventId: string | null;
  outcome: string | null;
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
  cause: string | null;
}

export function itemRows(p: Meta, drafts: WorklistItemDraft[], postponedUntil: Map<string, Date>): ItemRow[] {
  return drafts.map((d) => {
    const until = postponedUntil.get(`${p.id}|${d.key}`);
    return {
      pathwayId: p.id,
      unitId: p.unitId,
      type: p.type,
      setting: p.setting,
      responsibleClinicianId: p.responsibleClinicianId,
      reason: d.reason,
      key: d.key,
      dueOn: d.dueOn,
      sinceOn: d.sinceOn,
      deadlineKind: d.deadlineKind,
      noticeId: d.noticeId,
      eventId: d.eventId,
      outcome: d.outcome,
      postponedUntil: until ? toIsoDate(until) : null,
    };
  });
}

export function deadlineRows(p: Meta, evaluation: PathwayEvaluation): DeadlineRow[] {
  return evaluation.deadlines.map((d) => ({
    pathwayId: p.id,
    unitId: p.unitId,
    type: p.type,
    kind: d.kind,
    fromDate: d.from,
    due: d.due,
    completedOn: d.completedOn,
    // an open deadline's verdict depends on the day it is read
    met: d.completedOn ? d.met : null,
    cause: d.completedOn ? d.cause : null,
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
    INSERT INTO "PathwayDeadline" ("id", "pathwayId", "unitId", "type", "kind", "fromDate", "due", "completedOn", "met", "cause")
    SELECT gen_random_uuid()::text, v."pathwayId", v."unitId", v."type"::"PathwayType", v."kind", v."fromDate", v."due", v."completedOn", v."met", v."cause"
    FROM json_to_recordset(${json(deadlines)}::json) AS v("pathwayId" text, "unitId" text, "type" text, "kind" text,
      "fromDate" date, "due" date, "completedOn" date, "met" boolean, "cause" text)`;
}

export async function replaceDerivedRows(tx: Tx, ids: string[], items: ItemRow[], deadlines: DeadlineRow[]) {
  await tx.$executeRaw`DELETE FROM "WorklistItem" WHERE "pathwayId" = ANY(${ids}::text[])`;
  await tx.$executeRaw`DELETE FROM "PathwayDeadline" WHERE "pathwayId" = ANY(${ids}::text[])`;
  await insertItemRows(tx, items);
  await insertDeadlineRows(tx, deadlines);
}
