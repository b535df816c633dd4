import "server-only";
import { maskNationalId } from "@/domain/national-id";
import { describeItem, WORKLIST_REASONS } from "@/domain/worklist";
import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import { pooled } from "@/server/sql";
import { sqlDate } from "@/server/sql-rows";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { shownPatientNameSql } from "@/server/pathways/shown-name";
import { scopedUnits } from "./where";

// The worklist's "Utsatt" view: rows put aside until a later date, with the
// postponement that hides each (until, why, who, when), so nothing vanishes
// without trace and a postponement can be taken back.

export const POSTPONED_LIMIT = 500;

const postponedItem = z.object({
  pathwayId: z.string(),
  key: z.string(),
  reason: z.enum(WORKLIST_REASONS),
  dueOn: sqlDate,
  sinceOn: sqlDate.nullable(),
  deadlineKind: z.string().nullable(),
  noticeId: z.string().nullable(),
  outcome: z.string().nullable(),
  until: sqlDate,
  why: z.string(),
  byName: z.string(),
  at: sqlDate,
  unitName: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  nationalId: z.string(),
});

/** The actor's postponed rows (optionally one unit), soonest back first; reading them is audited. */
export async function listPostponed(actor: Actor, unit: string | undefined, today: IsoDate) {
  assertCan(actor.user, "worklist.view");
  const items = await pooled().rows(postponedItem, postponedStatement(scopedUnits(actor, unit), today));
  await writeAudit(
    pooled(),
    { userId: actor.user.id, action: "WORKLIST_VIEWED", patientIds: items.map((i) => i.patientId), detail: { list: "postponed", unit: unit ?? null, rows: items.length } },
    actor.meta,
  );
  return items.map((item) => ({
    pathwayId: item.pathwayId,
    key: item.key,
    description: describeItem(item, today),
    until: item.until,
    why: item.why,
    byName: item.byName,
    at: item.at,
    unitName: item.unitName,
    patientName: item.patientName,
    maskedId: maskNationalId(item.nationalId),
  }));
}
export type PostponedRow = Awaited<ReturnType<typeof listPostponed>>[number];

/** The units' rows postponed past today, soonest back first (its plan reads the partial index of postponed rows: worklist-list-plan.integration.test.ts). */
export function postponedStatement(units: string[], today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT w."pathwayId", w."key", w."reason"::text AS "reason",
      to_char(w."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(w."sinceOn", 'YYYY-MM-DD') AS "sinceOn",
      w."deadlineKind", w."noticeId", w."outcome",
      to_char(w."postponedUntil", 'YYYY-MM-DD') AS "until", pp."reason" AS "why", cb."name" AS "byName",
      to_char(pp."createdAt" AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS "at",
      u."name" AS "unitName", p."patientId", ${shownPatientNameSql("p", "pt")} AS "patientName", pt."nationalId"
    FROM "WorklistItem" w
      JOIN "Pathway" p ON p."id" = w."pathwayId"
      JOIN "Unit" u ON u."id" = w."unitId"
      JOIN "Patient" pt ON pt."id" = p."patientId"
      -- the postponement in force: the latest one not taken back (as the derived row has it)
      JOIN LATERAL (
        SELECT x."reason", x."createdAt", x."createdById" FROM "WorklistPostponement" x
        WHERE x."pathwayId" = w."pathwayId" AND x."itemKey" = w."key" AND x."undoneAt" IS NULL
        ORDER BY x."createdAt" DESC LIMIT 1
      ) pp ON TRUE
      JOIN "User" cb ON cb."id" = pp."createdById"
    WHERE w."unitId" = ANY(${units}::text[]) AND w."postponedUntil" > ${today}::date
    ORDER BY w."postponedUntil", w."id"
    LIMIT ${POSTPONED_LIMIT}`;
}
