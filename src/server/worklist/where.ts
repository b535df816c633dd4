import "server-only";
import { addCalendarDays } from "@/domain/rules";
import { WORKLIST_REASONS, type WorklistReason } from "@/domain/worklist";
import { Prisma } from "@/generated/prisma/client";
import { isIsoDate, type IsoDate } from "@/lib/dates";
import { isRecordId } from "@/lib/record-id";
import type { Actor } from "@/server/auth/current-user";
import { ValidationError } from "@/server/errors";
import { REASON_FILTERS, type WorklistFilters } from "./filters";

// The worklist's filters as SQL over "WorklistItem" w: one builder for the
// page, the export and the summary counts. SQL rather than Prisma: the list is
// the hottest read, and Prisma's query compiler cost more CPU than the query.

export type Cursor = { reason: WorklistReason | null; dueOn: IsoDate; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.reason, c.dueOn, c.id])).toString("base64url");
}

const INVALID_CURSOR_MESSAGE = "Lenken til neste side er ugyldig. Start fra første side.";

/** The cursor a link carries, or null when it is not one this app made (mangled, an impossible date, a NUL). */
export function parseCursor(value: string): Cursor | null {
  try {
    const [reason, dueOn, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    const knownReason = reason === null || WORKLIST_REASONS.includes(reason);
    if (knownReason && typeof dueOn === "string" && isIsoDate(dueOn) && typeof id === "string" && isRecordId(id)) return { reason, dueOn, id };
  } catch {
    // not base64 JSON: not a cursor
  }
  return null;
}

function decodeCursor(value: string): Cursor {
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

export function reasonCondition(f: WorklistFilters, today: IsoDate): Prisma.Sql {
  if (!f.grunn) return Prisma.sql`TRUE`;
  const filter = REASON_FILTERS[f.grunn];
  const reason = Prisma.sql`w."reason" = ${filter.reason}::"WorklistReason"`;
  if (!("overdue" in filter)) return reason;
  return filter.overdue ? Prisma.sql`${reason} AND w."dueOn" < ${today}::date` : Prisma.sql`${reason} AND w."dueOn" >= ${today}::date`;
}

/** Rows after the cursor in the list's order (the enum sorts in declaration order, as WORKLIST_REASONS). */
export function cursorCondition(f: WorklistFilters): Prisma.Sql {
  if (!f.etter) return Prisma.sql`TRUE`;
  const c = decodeCursor(f.etter);
  const sameDue = Prisma.sql`(w."dueOn" > ${c.dueOn}::date OR (w."dueOn" = ${c.dueOn}::date AND w."id" > ${c.id}))`;
  if (f.sortering !== "grunn" || !c.reason) return sameDue;
  const reason = Prisma.sql`${c.reason}::"WorklistReason"`;
  return Prisma.sql`(w."reason" > ${reason} OR (w."reason" = ${reason} AND ${sameDue}))`;
}

export function orderBy(f: WorklistFilters): Prisma.Sql {
  return f.sortering === "grunn" ? Prisma.sql`w."reason", w."dueOn", w."id"` : Prisma.sql`w."dueOn", w."id"`;
}

/** The same order over the page's output columns (reason as text, dueOn as "YYYY-MM-DD"). */
export function pageOrder(f: WorklistFilters): Prisma.Sql {
  const due = Prisma.sql`"dueOn" COLLATE "C", "id"`;
  return f.sortering === "grunn" ? Prisma.sql`"reason"::"WorklistReason", ${due}` : due;
}
