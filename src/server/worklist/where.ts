import "server-only";
import { addCalendarDays } from "@/domain/rules";
import { BY_DATE_RANKS, GROUP_SLUGS, groupRank, isNoticeReason, WORKLIST_GROUPS, WORKLIST_REASONS, type WorklistGroup, type WorklistGroupSlug, type WorklistReason } from "@/domain/worklist";
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
  const unit = units.length === 1 ? Prisma.sql`w."unitId" = ${units[0]}` : Prisma.sql`w."unitId" = ANY(${units}::text[])`;
  return Prisma.sql`${unit} AND w."dueOn" <= ${addCalendarDays(today, f.horisont)}::date AND ${liveAndFiltered(f, today)}`;
}

/** Not postponed past today, and the type, setting and clinician filters that are set. */
export function liveAndFiltered(f: WorklistFilters, today: IsoDate): Prisma.Sql {
  const parts = [Prisma.sql`(w."postponedUntil" IS NULL OR w."postponedUntil" <= ${today}::date)`];
  if (f.type) parts.push(Prisma.sql`w."type" = ${f.type}::"PathwayType"`);
  if (f.setting) parts.push(Prisma.sql`w."setting" = ${f.setting}::"CareSetting"`);
  if (f.behandler) {
    parts.push(f.behandler === "ingen" ? Prisma.sql`w."responsibleClinicianId" IS NULL` : Prisma.sql`w."responsibleClinicianId" = ${f.behandler}`);
  }
  return Prisma.join(parts, " AND ");
}

/**
 * Whether the list's statement for these filters may be prepared: its text is
 * the same for every unit, reason, date and cursor, and PostgreSQL's plan for
 * it without the values (the generic plan, chosen after five executions) is
 * the index ranges in order (worklist-list-plan.integration.test.ts). With a
 * type, setting or clinician filter the right plan depends on the values (a
 * clinician's rows come from that clinician's index): those views are
 * planned with their values, as one-off statements.
 */
export function listMayBePrepared(f: WorklistFilters): boolean {
  return !f.type && !f.setting && !f.behandler;
}

/** A group's due dates: overdue groups end yesterday, not-yet-due ones start today. */
function groupDates(slug: WorklistGroupSlug, today: IsoDate): { from: IsoDate | null; to: IsoDate | null } {
  const group: WorklistGroup = WORKLIST_GROUPS[slug];
  if (group.overdue === undefined) return { from: null, to: null };
  return group.overdue ? { from: null, to: addCalendarDays(today, -1) } : { from: today, to: null };
}

/**
 * One range of the (unitId, reason, dueOn, id) index in the list's order: the
 * reason's rows of a unit after (afterDue, afterId), due on or before lastDue.
 * Every row of a lower rank comes first; within a rank, by date and id (a rank
 * of several ranges, as the by-date order's deadlines, is merged by date).
 */
export interface SegmentRange {
  rank: number;
  reason: WorklistReason;
  /** the rows after this (date, id) pair: an empty id takes the whole date */
  afterDue: IsoDate | "-infinity";
  afterId: string;
  lastDue: IsoDate;
}

/**
 * The list as ordered index ranges, those before the cursor dropped and the
 * cursor's own started after it. The page reads at most a page of rows from
 * each range instead of sorting the unit's rows by a computed rank.
 */
export function segmentRanges(f: WorklistFilters, today: IsoDate): SegmentRange[] {
  const horizonEnd = addCalendarDays(today, f.horisont);
  const slugs = f.grunn ? [f.grunn] : GROUP_SLUGS;
  const parts =
    f.sortering === "grunn"
      ? slugs.map((slug) => ({ rank: groupRank(slug), reason: WORKLIST_GROUPS[slug].reason, ...groupDates(slug, today) }))
      : // by date: every row with a deadline by its date, then the notices (their date is a finding's, not a deadline)
        (f.grunn ? [WORKLIST_GROUPS[f.grunn].reason] : WORKLIST_REASONS).map((reason) => ({
          rank: isNoticeReason(reason) ? BY_DATE_RANKS.notices : BY_DATE_RANKS.deadlines,
          reason,
          ...(f.grunn ? groupDates(f.grunn, today) : { from: null, to: null }),
        }));
  const cursor = f.etter ? decodeCursor(f.etter) : null;
  return parts.flatMap(({ rank, reason, from, to }) => {
    if (cursor && rank < cursor.rank) return [];
    const lastDue = to !== null && to < horizonEnd ? to : horizonEnd;
    // the cursor's row came from its rank's ranges, so it lies within their dates
    if (cursor && rank === cursor.rank && (from === null || cursor.dueOn >= from)) {
      return [{ rank, reason, afterDue: cursor.dueOn, afterId: cursor.id, lastDue }];
    }
    return [{ rank, reason, afterDue: from ?? "-infinity", afterId: "", lastDue }];
  });
}

/** The page's order over its output columns (rank, dueOn as "YYYY-MM-DD", id). */
export const PAGE_ORDER = Prisma.sql`"rank", "dueOn" COLLATE "C", "id"`;
