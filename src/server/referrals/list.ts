import "server-only";
import { maskNationalId } from "@/domain/national-id";
import { lastOverdueReceipt, referralDueDate, statusOf, workingDaysLeft, apiDecisionOf, type ReferralStatus } from "@/domain/referrals";
import type { PathwayType } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { fromIsoDate, toIsoDate, type IsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";
import { pooled } from "@/server/sql";
import { int8 } from "@/server/sql-rows";
import { z } from "@/lib/zod";
import { ValidationError } from "@/server/errors";
import { STATUS_SLUGS, type ReferralFilters } from "./filters";
import type { ListReferralsQuery } from "./schema";
import { UNASSESSED } from "./scope";

// The referrals of the user's units: the page's two lists, the API's pages
// and the number over the 10-working-day limit (the worklist shows the same
// number). Every response that names patients writes one audit row.

const ASSESSED: Prisma.ReferralWhereInput = { OR: [{ assessedDate: { not: null } }, { pathwayStarted: true }] };
const CLOSING = ["NO_NEED", "FORWARDED", "RETURNED"] as const;
const BY_STATUS: Record<ReferralStatus, Prisma.ReferralWhereInput> = {
  unassessed: UNASSESSED,
  assessed: { AND: [ASSESSED, { OR: [{ decision: null }, { decision: { notIn: [...CLOSING] } }] }] },
  closed: { decision: { in: [...CLOSING] } },
};

const SELECT = {
  id: true,
  receivedDate: true,
  referrerName: true,
  suggestedType: true,
  assessedDate: true,
  decision: true,
  legalDeadline: true,
  pathwayStarted: true,
  recordedPatientName: true,
  unit: { select: { id: true, name: true } },
  patient: { select: { id: true, name: true, nationalId: true } },
  pathways: { select: { id: true, phase: true }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.ReferralSelect;
type Row = Prisma.ReferralGetPayload<{ select: typeof SELECT }>;

/** Due date, status and working days left of a referral (as UNASSESSED and BY_STATUS define status). */
export function referralState(
  r: { receivedDate: Date; assessedDate: Date | null; decision: Row["decision"]; pathwayStarted: boolean },
  today: IsoDate,
) {
  const receivedDate = toIsoDate(r.receivedDate);
  const dueDate = referralDueDate(receivedDate);
  const status = statusOf(r.decision, r.assessedDate !== null || r.pathwayStarted);
  /** working days left to the due date (negative: over), while not assessed */
  return { receivedDate, dueDate, status, workingDaysLeft: status === "unassessed" ? workingDaysLeft(dueDate, today) : null };
}

function toItem(r: Row, today: IsoDate) {
  return {
    id: r.id,
    unit: r.unit,
    ...referralState(r, today),
    decision: r.decision,
    assessedDate: r.assessedDate ? toIsoDate(r.assessedDate) : null,
    legalDeadline: r.legalDeadline ? toIsoDate(r.legalDeadline) : null,
    pathwayId: r.pathways[0]?.id ?? null,
    referrerName: r.referrerName,
    suggestedType: r.suggestedType,
    patient: { id: r.patient.id, name: r.recordedPatientName ?? r.patient.name, maskedNationalId: maskNationalId(r.patient.nationalId) },
  };
}
export type ReferralListItem = ReturnType<typeof toItem>;

function scopedUnits(actor: Actor, unitId: string | undefined): string[] {
  return unitId ? actor.user.unitIds.filter((u) => u === unitId) : actor.user.unitIds;
}

/**
 * The count's statement (exported so its plan and its agreement with UNASSESSED
 * can be tested). Hand-written, not a Prisma count: the worklist page asks on
 * every view, and Prisma's query compiler compiled the count anew on each call
 * (~4 % of the page's Node time in a CPU profile). UNASSESSED in SQL: no
 * assessment date and no pathway past its start (Referral.pathwayStarted), so
 * PostgreSQL reads the partial index of exactly those referrals.
 */
export function overdueUnassessedSql(unitIds: string[], today: IsoDate, type?: PathwayType) {
  return Prisma.sql`
    SELECT count(*) AS "n" FROM "Referral" r
    WHERE r."unitId" = ANY(${unitIds}::text[]) AND r."receivedDate" <= ${lastOverdueReceipt(today)}::date
      AND r."assessedDate" IS NULL AND NOT r."pathwayStarted"${
        type
          ? Prisma.sql`
      AND (r."suggestedType" = ${type}::"PathwayType" OR EXISTS (SELECT 1 FROM "Pathway" p WHERE p."referralId" = r."id" AND p."type" = ${type}::"PathwayType"))`
          : Prisma.empty
      }`;
}

const countRow = z.object({ n: int8 });

/** Unassessed referrals past the 10-working-day limit (the worklist's "henvisning" count is this number). */
export async function countOverdueUnassessed(unitIds: string[], today: IsoDate, type?: PathwayType): Promise<number> {
  const [row] = await pooled().rows(countRow, overdueUnassessedSql(unitIds, today, type));
  return row?.n ?? 0;
}

export const PAGE_LIMIT = 200;
export const RECENT_LIMIT = 30;

/** The page: unassessed referrals most urgent first, then the recently assessed and closed ones (or one status). */
export async function listReferralsPage(actor: Actor, f: ReferralFilters, today: IsoDate) {
  assertCan(actor.user, "referral.read");
  const units = scopedUnits(actor, f.enhet);
  const received = f.fra || f.til ? { receivedDate: { ...(f.fra ? { gte: fromIsoDate(f.fra) } : {}), ...(f.til ? { lte: fromIsoDate(f.til) } : {}) } } : {};
  const base = { unitId: { in: units }, ...received };
  const status = f.status ? STATUS_SLUGS[f.status] : null;
  const [unassessed, recent, overdue] = await Promise.all([
    status === null || status === "unassessed"
      ? prisma.referral.findMany({ where: { ...base, ...UNASSESSED }, select: SELECT, orderBy: [{ receivedDate: "asc" }, { id: "asc" }], take: PAGE_LIMIT })
      : [],
    status !== "unassessed"
      ? prisma.referral.findMany({
          where: { ...base, ...(status ? BY_STATUS[status] : ASSESSED) },
          select: SELECT,
          orderBy: [{ assessedDate: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          take: status ? PAGE_LIMIT : RECENT_LIMIT,
        })
      : [],
    countOverdueUnassessed(units, today),
  ]);
  const shown = [...unassessed, ...recent];
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "REFERRAL_LIST_VIEWED", patientIds: shown.map((r) => r.patient.id), detail: { filters: f, rows: shown.length } },
    actor.meta,
  );
  return { unassessed: unassessed.map((r) => toItem(r, today)), recent: recent.map((r) => toItem(r, today)), overdue, truncated: unassessed.length === PAGE_LIMIT };
}

function encodeCursor(receivedDate: IsoDate, id: string) {
  return Buffer.from(JSON.stringify([receivedDate, id])).toString("base64url");
}
function decodeCursor(value: string): { receivedDate: IsoDate; id: string } {
  try {
    const [receivedDate, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (typeof receivedDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(receivedDate) && typeof id === "string" && /^[A-Za-z0-9-]{1,64}$/.test(id)) {
      fromIsoDate(receivedDate);
      return { receivedDate, id };
    }
  } catch {
    // not a cursor this app made
  }
  throw new ValidationError({ cursor: ["Ugyldig markør."] });
}

/** GET /api/v1/referrals: pages in receipt order (keyset on receivedDate, id); the query comes parsed (list.operation.ts). */
export async function listReferralsApi(actor: Actor, q: ListReferralsQuery, today: IsoDate) {
  assertCan(actor.user, "referral.read");
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await prisma.referral.findMany({
    where: {
      unitId: { in: scopedUnits(actor, q.unitId) },
      AND: [
        q.status ? BY_STATUS[q.status] : {},
        after
          ? { OR: [{ receivedDate: { gt: fromIsoDate(after.receivedDate) } }, { receivedDate: fromIsoDate(after.receivedDate), id: { gt: after.id } }] }
          : {},
      ],
    },
    select: SELECT,
    orderBy: [{ receivedDate: "asc" }, { id: "asc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "REFERRAL_LIST_VIEWED", patientIds: page.map((r) => r.patient.id), detail: { api: true, status: q.status ?? null, rows: page.length } },
    actor.meta,
  );
  return {
    items: page.map((r) => {
      const { workingDaysLeft: _left, referrerName: _referrer, suggestedType: _type, ...item } = toItem(r, today);
      return { ...item, decision: item.decision ? apiDecisionOf(item.decision) : null };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor(toIsoDate(last.receivedDate), last.id) : null,
  };
}
