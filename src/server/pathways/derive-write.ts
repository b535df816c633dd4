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

const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((r) => r[key]);

export async function writeDerivedColumns(tx: Tx, ids: string[], evaluations: PathwayEvaluation[], today: IsoDate) {
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
    FROM unnest(
      ${ids}::text[],
      ${evaluations.map((e) => e.phase)}::text[],
      ${evaluations.map((e) => (e.phase === "closed" ? "CLOSED" : "OPEN"))}::text[],
      ${evaluations.map((e) => e.closedOn)}::date[],
      ${evaluations.map((e) => e.nextDeadline?.kind ?? null)}::text[],
      ${evaluations.map((e) => e.nextDeadline?.due ?? null)}::date[],
      ${evaluations.map((e) => e.notices.length)}::int[],
      ${evaluations.map((e) => e.lastEventDate)}::date[]
    ) AS v(id, phase, status, closed, kind, due, notices, last)
    WHERE p."id" = v.id`;
}

export async function insertItemRows(tx: Tx, items: ItemRow[]) {
  if (items.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "WorklistItem" ("id", "pathwayId", "unitId", "type", "setting", "responsibleClinicianId", "reason", "key",
      "dueOn", "sinceOn", "deadlineKind", "noticeId", "eventId", "outcome", "postponedUntil")
    SELECT gen_random_uuid()::text, v.pathway, v.unit, v.type::"PathwayType", v.setting::"CareSetting", v.clinician,
      v.reason::"WorklistReason", v.key, v.due, v.since, v.kind, v.notice, v.event, v.outcome, v.postponed
    FROM unnest(
      ${column(items, "pathwayId")}::text[], ${column(items, "unitId")}::text[], ${column(items, "type")}::text[],
      ${column(items, "setting")}::text[], ${column(items, "responsibleClinicianId")}::text[], ${column(items, "reason")}::text[],
      ${column(items, "key")}::text[], ${column(items, "dueOn")}::date[], ${column(items, "sinceOn")}::date[],
      ${column(items, "deadlineKind")}::text[], ${column(items, "noticeId")}::text[], ${column(items, "eventId")}::text[],
      ${column(items, "outcome")}::text[], ${column(items, "postponedUntil")}::date[]
    ) AS v(pathway, unit, type, setting, clinician, reason, key, due, since, kind, notice, event, outcome, postponed)`;
}

export async function insertDeadlineRows(tx: Tx, deadlines: DeadlineRow[]) {
  if (deadlines.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "PathwayDeadline" ("id", "pathwayId", "unitId", "type", "kind", "fromDate", "due", "completedOn", "met", "cause")
    SELECT gen_random_uuid()::text, v.pathway, v.unit, v.type::"PathwayType", v.kind, v.from_date, v.due, v.completed, v.met, v.cause
    FROM unnest(
      ${column(deadlines, "pathwayId")}::text[], ${column(deadlines, "unitId")}::text[], ${column(deadlines, "type")}::text[],
      ${column(deadlines, "kind")}::text[], ${column(deadlines, "fromDate")}::date[], ${column(deadlines, "due")}::date[],
      ${column(deadlines, "completedOn")}::date[], ${column(deadlines, "met")}::boolean[], ${column(deadlines, "cause")}::text[]
    ) AS v(pathway, unit, type, kind, from_date, due, completed, met, cause)`;
}

export async function replaceDerivedRows(tx: Tx, ids: string[], items: ItemRow[], deadlines: DeadlineRow[]) {
  await tx.$executeRaw`DELETE FROM "WorklistItem" WHERE "pathwayId" = ANY(${ids}::text[])`;
  await tx.$executeRaw`DELETE FROM "PathwayDeadline" WHERE "pathwayId" = ANY(${ids}::text[])`;
  await insertItemRows(tx, items);
  await insertDeadlineRows(tx, deadlines);
}
