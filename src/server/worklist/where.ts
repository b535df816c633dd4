import "server-only";
import { addCalendarDays } from "@/domain/rules";
import { BY_DATE_RANKS, GROUP_SLUGS, groupRank, isNoticeReason, WORKLIST_GROUPS, WORKLIST_REASONS, type WorklistGroup, type WorklistGroupSlug } from "@/domain/worklist";
import { Prisma } from "@/generated/prisma/client";
import { isIsoDate, type IsoDate } from "@/lib/dates";
import { isRecordId } from "@/lib/record-id";
import type { Actor } from "@/server/auth/current-user";
import { ValidationError } from "@/server/errors";
import type { WorklistFilters } from "./filters";

// The worklist's filters as SQL over "WorklistItem" w: one builder for the
// page, the export and the summary counts. SQL rather than Prisma: the list is
// the hottest read, and Prisma's query compiler cost more CPU than the query.

/** The last row seen: its urgency rank, date and id, and the number of the page it was on (for "side x av y"). */
export type Cursor = { rank: number; dueOn: IsoDate; id: string; page: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.dueOn, c.id, c.page])).toString("base64url");
}

const INVALID_CURSOR_MESSAGE = "Lenken til neste side er ugyldig. Start fra første side.";

/** The cursor a link carries, or null when it is not one this app made (mangled, an impossible date, a NUL). */
export function parseCursor(value: string): Cursor | null {
  try {
    const [rank, dueOn, id, page] = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    const validRank = Number.isSafeInteger(rank) && rank >= 0 && rank < 10_000;
    const validPage = Number.isSafeInteger(page) && page >= 1 && page < 1_000_000;
    if (validRank && validPage && typeof dueOn === "string" && isIsoDate(dueOn) && typeof id === "string" && isRecordId(id)) return { rank, dueOn, id, page };
  } catch {
    // not base64 JSON: not a cursor
  }
  return null;
}

export function decodeCursor(value: string): Cursor {
  const cursor = parseCursor(value);
  if (!cursor) throw new ValidationError({ etter: [INVALID_CURSOR_MESSAGE] });
  return cursor;
}

/** Units the actor may see, narrowed by the unit filter (a foreign unit gives nothing). */
export function scopedUnits(actor: Actor, unitFilter: string | undefined): string[] {
  return unitFilter ? actor.user.unitIds.filter((u) => u === unitFilter) : actor.user.unitIds;
}

/** Everything but the reason filter and the cursor: shared with the summary. */
export function baseCondition(actor: Actor, f: WorklistFilters, today: IsoDate): Prisma.Sql {
  const units = scopedUnits(actor, f.enhet);
  const parts = [
    // one unit as an equality: then the (unitId, reason, dueOn, id) index gives the rows in order
    units.length === 1 ? Prisma.sql`w."unitId" = ${units[0]}` : Prisma.sql`w."unitId" = ANY(${units}::text[])`,
    Prisma.sql`w."dueOn" <= ${addCalendarDays(today, f.horisont)}::date`,
    Prisma.sql`(w."postponedUntil" IS NULL OR w."postponedUntil" <= ${today}::date)`,
  ];
  if (f.type) parts.push(Prisma.sql`w."type" = ${f.type}::"PathwayType"`);
  if (f.setting) parts.push(Prisma.sql`w."setting" = ${f.setting}::"CareSetting"`);
  if (f.behandler) {
    parts.push(f.behandler === "ingen" ? Prisma.sql`w."responsibleClinicianId" IS NULL` : Prisma.sql`w."responsibleClinicianId" = ${f.behandler}`);
  }
  return Prisma.join(parts, " AND ");
}

function groupCondition(slug: WorklistGroupSlug, today: IsoDate): Prisma.Sql {
  const group: WorklistGroup = WORKLIST_GROUPS[slug];
  const reason = Prisma.sql`w."reason" = ${group.reason}::"WorklistReason"`;
  if (group.overdue === undefined) return reason;
  return group.overdue ? Prisma.sql`${reason} AND w."dueOn" < ${today}::date` : Prisma.sql`${reason} AND w."dueOn" >= ${today}::date`;
}

/** One part of the list's order: its rows come after every row of a lower rank, by date and id. */
export interface Segment {
  rank: number;
  condition: Prisma.Sql;
}

/**
 * The list as ordered segments. Each is a range of the (unitId, reason, dueOn,
 * id) index, so the page reads at most a page of rows from each instead of
 * sorting the unit's rows by a computed rank.
 */
export function segments(f: WorklistFilters, today: IsoDate): Segment[] {
  const slugs = f.grunn ? [f.grunn] : GROUP_SLUGS;
  if (f.sortering === "grunn") return slugs.map((slug) => ({ rank: groupRank(slug), condition: groupCondition(slug, today) }));
  // by date: every row with a deadline by its date, then the notices (their date is a finding's, not a deadline)
  const noticeReasons = WORKLIST_REASONS.filter(isNoticeReason);
  const narrowed = (c: Prisma.Sql) => (f.grunn ? Prisma.sql`${groupCondition(f.grunn, today)} AND ${c}` : c);
  return [
    { rank: BY_DATE_RANKS.deadlines, condition: narrowed(Prisma.sql`w."reason" <> ALL(${noticeReasons}::"WorklistReason"[])`) },
    { rank: BY_DATE_RANKS.notices, condition: narrowed(Prisma.sql`w."reason" = ANY(${noticeReasons}::"WorklistReason"[])`) },
  ];
}

/** A segment's rows after the cursor, or null when the cursor is past the whole segment. */
export function afterCursor(segment: Segment, f: WorklistFilters): Prisma.Sql | null {
  if (!f.etter) return Prisma.sql`TRUE`;
  const c = decodeCursor(f.etter);
  if (segment.rank < c.rank) return null;
  if (segment.rank > c.rank) return Prisma.sql`TRUE`;
  return Prisma.sql`(w."dueOn" > ${c.dueOn}::date OR (w."dueOn" = ${c.dueOn}::date AND w."id" > ${c.id}))`;
}

/** The page's order over its output columns (rank, dueOn as "YYYY-MM-DD", id). */
export const PAGE_ORDER = Prisma.sql`"rank", "dueOn" COLLATE "C", "id"`;
