import "server-only";
import { addCalendarDays } from "@/domain/rules";
import { maskNationalId } from "@/domain/national-id";
import { describeItem, WORKLIST_REASONS, type WorklistReason } from "@/domain/worklist";
import type { Prisma } from "@/generated/prisma/client";
import { fromIsoDate, toIsoDate, type IsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { ValidationError } from "@/server/errors";
import { REASON_FILTERS, type WorklistFilters } from "./filters";

// The worklist is an indexed range query on the derived WorklistItem rows
// (unitId, dueOn, id): no pathway is evaluated per request, no exact count over
// the whole table. Pages are keyset-paginated ("etter" = the last row seen).

export const PAGE_SIZE = 50;

type Cursor = { reason: WorklistReason | null; dueOn: IsoDate; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.reason, c.dueOn, c.id])).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  try {
    const [reason, dueOn, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    const knownReason = reason === null || WORKLIST_REASONS.includes(reason);
    if (knownReason && typeof dueOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(dueOn) && typeof id === "string") return { reason, dueOn, id };
  } catch {
    // fall through
  }
  throw new ValidationError({ etter: ["Lenken til neste side er ugyldig. Start fra første side."] });
}

/** Units the actor may see, narrowed by the unit filter (a foreign unit gives nothing). */
export function scopedUnits(actor: Actor, unitFilter: string | undefined): string[] {
  return unitFilter ? actor.user.unitIds.filter((u) => u === unitFilter) : actor.user.unitIds;
}

/** Everything but the reason filter and the cursor: shared with the summary. */
function baseWhere(actor: Actor, f: WorklistFilters, today: IsoDate): Prisma.WorklistItemWhereInput {
  return {
    unitId: { in: scopedUnits(actor, f.enhet) },
    ...(f.type ? { type: f.type } : {}),
    ...(f.setting ? { setting: f.setting } : {}),
    ...(f.behandler ? { responsibleClinicianId: f.behandler === "ingen" ? null : f.behandler } : {}),
    dueOn: { lte: fromIsoDate(addCalendarDays(today, f.horisont)) },
    OR: [{ postponedUntil: null }, { postponedUntil: { lte: fromIsoDate(today) } }],
  };
}

function reasonWhere(f: WorklistFilters, today: IsoDate): Prisma.WorklistItemWhereInput {
  if (!f.grunn) return {};
  const filter = REASON_FILTERS[f.grunn];
  if (!("overdue" in filter)) return { reason: filter.reason };
  return { reason: filter.reason, dueOn: filter.overdue ? { lt: fromIsoDate(today) } : { gte: fromIsoDate(today) } };
}

function afterCursor(f: WorklistFilters): Prisma.WorklistItemWhereInput {
  if (!f.etter) return {};
  const c = decodeCursor(f.etter);
  const due = fromIsoDate(c.dueOn);
  const sameDue = { OR: [{ dueOn: { gt: due } }, { dueOn: due, id: { gt: c.id } }] };
  if (f.sortering !== "grunn" || !c.reason) return sameDue;
  // enum order is the declaration order (WORKLIST_REASONS); Prisma has no `gt` on enums
  const later = WORKLIST_REASONS.slice(WORKLIST_REASONS.indexOf(c.reason) + 1);
  return { OR: [{ reason: { in: [...later] } }, { reason: c.reason, ...sameDue }] };
}

const ROW_SELECT = {
  id: true,
  pathwayId: true,
  reason: true,
  key: true,
  dueOn: true,
  sinceOn: true,
  deadlineKind: true,
  noticeId: true,
  eventId: true,
  outcome: true,
  type: true,
  setting: true,
  pathway: {
    select: {
      phase: true,
      unit: { select: { id: true, name: true } },
      patient: { select: { name: true, nationalId: true } },
      responsibleClinician: { select: { id: true, name: true } },
    },
  },
} as const;

export type WorklistRow = Awaited<ReturnType<typeof fetchPage>>["rows"][number];

/** One page of the worklist; reading it writes an audit row (it shows patients). */
export async function listWorklist(actor: Actor, f: WorklistFilters, today: IsoDate, pageSize = PAGE_SIZE) {
  assertCan(actor.user, "worklist.view");
  const page = await fetchPage(actor, f, today, pageSize);
  const { etter: _cursor, ...filters } = f;
  await writeAudit(prisma, { userId: actor.user.id, action: "WORKLIST_VIEWED", detail: { filters, rows: page.rows.length } }, actor.meta);
  return page;
}

export const EXPORT_LIMIT = 20_000;

/** Every row of the filtered list (up to EXPORT_LIMIT), for the CSV export. */
export async function exportWorklist(actor: Actor, f: WorklistFilters, today: IsoDate) {
  assertCan(actor.user, "worklist.view");
  assertCan(actor.user, "export.csv");
  const rows: WorklistRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(actor, { ...f, etter: cursor }, today, 1000);
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < EXPORT_LIMIT);
  const { etter: _cursor, ...filters } = f;
  await writeAudit(prisma, { userId: actor.user.id, action: "EXPORT_DOWNLOADED", detail: { list: "worklist", filters, rows: rows.length } }, actor.meta);
  return { rows: rows.slice(0, EXPORT_LIMIT), truncated: rows.length > EXPORT_LIMIT || cursor !== undefined };
}

async function fetchPage(actor: Actor, f: WorklistFilters, today: IsoDate, pageSize: number) {
  const items = await prisma.worklistItem.findMany({
    where: { AND: [baseWhere(actor, f, today), reasonWhere(f, today), afterCursor(f)] },
    orderBy: f.sortering === "grunn" ? [{ reason: "asc" }, { dueOn: "asc" }, { id: "asc" }] : [{ dueOn: "asc" }, { id: "asc" }],
    take: pageSize + 1,
    select: ROW_SELECT,
    // one statement instead of one per relation: the list is the hottest query
    relationLoadStrategy: "join",
  });
  const page = items.slice(0, pageSize);
  const last = page[page.length - 1];
  const nextCursor =
    items.length > pageSize && last
      ? encodeCursor({ reason: f.sortering === "grunn" ? last.reason : null, dueOn: toIsoDate(last.dueOn), id: last.id })
      : null;
  const rows = page.map((item) => {
    const row = {
      reason: item.reason,
      dueOn: toIsoDate(item.dueOn),
      sinceOn: item.sinceOn ? toIsoDate(item.sinceOn) : null,
      deadlineKind: item.deadlineKind,
      noticeId: item.noticeId,
      outcome: item.outcome,
    };
    return {
      ...row,
      id: item.id,
      key: item.key,
      pathwayId: item.pathwayId,
      eventId: item.eventId,
      description: describeItem(row, today),
      type: item.type,
      setting: item.setting,
      phase: item.pathway.phase,
      unit: item.pathway.unit,
      patientName: item.pathway.patient.name,
      maskedId: maskNationalId(item.pathway.patient.nationalId),
      clinician: item.pathway.responsibleClinician,
    };
  });
  return { rows, nextCursor };
}

export interface WorklistSummary {
  byFilter: Record<string, number>;
  thisMonth: { kind: "basis_assessment" | "first_evaluation"; met: number; total: number }[];
  monthStart: IsoDate;
}

/** Counts per reason (within the filters and horizon) and this month's compliance. */
export async function worklistSummary(actor: Actor, f: WorklistFilters, today: IsoDate): Promise<WorklistSummary> {
  assertCan(actor.user, "worklist.view");
  const where = baseWhere(actor, f, today);
  const monthStart = `${today.slice(0, 8)}01`;
  const [byReason, overdue, thisMonth] = await Promise.all([
    prisma.worklistItem.groupBy({ by: ["reason"], where, _count: { _all: true } }),
    prisma.worklistItem.count({ where: { AND: [where, { reason: "DEADLINE", dueOn: { lt: fromIsoDate(today) } }] } }),
    complianceThisMonth(scopedUnits(actor, f.enhet), f, monthStart, today),
  ]);
  const byFilter: Record<string, number> = {};
  for (const [slug, filter] of Object.entries(REASON_FILTERS)) {
    const count = byReason.find((r) => r.reason === filter.reason)?._count._all ?? 0;
    byFilter[slug] = "overdue" in filter ? (filter.overdue ? overdue : count - overdue) : count;
  }
  return { byFilter, thisMonth, monthStart };
}

/**
 * Deadlines decided this month (completed, or open and past due), as the rules
 * engine's `decidedOn` defines it, aggregated from the derived deadline rows
 * (the engine's verdict as of the last recompute, which runs every night).
 */
async function complianceThisMonth(units: string[], f: WorklistFilters, from: IsoDate, today: IsoDate) {
  const kinds = ["basis_assessment", "first_evaluation"] as const;
  const rows = await prisma.$queryRaw<{ kind: string; met: bigint; total: bigint }[]>`
    SELECT "kind", count(*) FILTER (WHERE "met") AS met, count(*) AS total
    FROM "PathwayDeadline"
    WHERE "unitId" = ANY(${units}::text[])
      AND "kind" = ANY(${[...kinds]}::text[])
      AND (${f.type ?? null}::text IS NULL OR "type"::text = ${f.type ?? null}::text)
      AND "decidedOn" BETWEEN ${from}::date AND ${today}::date
    GROUP BY "kind"`;
  return kinds.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, met: Number(row?.met ?? 0), total: Number(row?.total ?? 0) };
  });
}
