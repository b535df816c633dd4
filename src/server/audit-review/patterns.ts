import "server-only";
import { z } from "@/lib/zod";
import { Prisma } from "@/generated/prisma/client";
import {
  MANY_PATIENTS_READS, MANY_PATIENTS_THRESHOLD, MANY_PATIENTS_WINDOW_MINUTES, OUTSIDE_HOURS_READS, SINGLE_PATIENT_READS, WORKING_HOURS, nonWorkingDays,
} from "@/domain/audit/patterns";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { pooled } from "@/server/sql";
import { int8 } from "@/server/sql-rows";
import type { PatternPeriod } from "./filters";

// Patterns worth a look in the audit log of a period (at most
// MAX_PATTERN_PERIOD_DAYS, read through the BRIN index on "at"), each a list of
// users with counts; the rules and numbers are src/domain/audit/patterns.ts.
//  1. many patients: the most different patients a user read within any
//     MANY_PATIENTS_WINDOW_MINUTES (a window ending at each read), when it
//     reached MANY_PATIENTS_THRESHOLD. Exact, but computed only where it can
//     be reached: any such window lies inside two clock hours that together
//     hold at least the threshold, so only those (user, hour) pairs are looked at.
//  2. outside working hours: reads on weekends, public holidays (the domain's
//     calendar, passed in as dates) or outside 07–17 on the Oslo clock.
//  3. no pathway of one's own: a pathway or referral opened by a user who is
//     neither responsible clinician nor coordinator of any pathway of that patient.

const LIST_LIMIT = 100;

const userCols = {
  userId: z.string(),
  userName: z.string(),
  userRole: z.string(),
};
const manyRow = z.object({ ...userCols, peak: int8, peakAt: z.string(), windows: int8 });
const countRow = z.object({ ...userCols, reads: int8, patients: int8, lastAt: z.string() });
export type ManyPatientsRow = z.output<typeof manyRow>;
export type PatternCountRow = z.output<typeof countRow>;

export interface AuditPatterns {
  period: PatternPeriod;
  manyPatients: ManyPatientsRow[];
  outsideHours: PatternCountRow[];
  noOwnPathway: PatternCountRow[];
}

const utc = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function inPeriod(period: PatternPeriod): Prisma.Sql {
  return Prisma.sql`a."at" >= (${period.from}::date::timestamp AT TIME ZONE 'Europe/Oslo')
    AND a."at" < ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo')`;
}

const actions = (list: readonly string[]) => Prisma.sql`a."action" = ANY(${[...list]}::"AuditAction"[])`;

export async function manyPatients(period: PatternPeriod): Promise<ManyPatientsRow[]> {
  const window = Prisma.sql`make_interval(mins => ${MANY_PATIENTS_WINDOW_MINUTES}::int)`;
  return pooled().rows(manyRow, Prisma.sql`
    WITH reads AS MATERIALIZED (
      SELECT a."userId", a."patientId", a."at" FROM "AuditEvent" a
      WHERE ${inPeriod(period)} AND ${actions(MANY_PATIENTS_READS)} AND a."patientId" IS NOT NULL AND a."userId" IS NOT NULL
    ),
    -- (user, patient) per clock hour, then per two-hour bucket starting at
    -- each hour, then the buckets holding enough patients: hash aggregates
    -- throughout (count(DISTINCT) sorted the period's reads, on disk)
    hourly AS (
      SELECT r."userId", r."patientId", date_trunc('hour', r."at") AS "hour" FROM reads r GROUP BY 1, 2, 3
    ),
    pairs AS (
      SELECT h."userId", b."start", h."patientId" FROM hourly h,
        LATERAL (VALUES (h."hour"), (h."hour" - interval '1 hour')) b("start")
      GROUP BY 1, 2, 3
    ),
    buckets AS (
      SELECT p."userId", p."start" FROM pairs p GROUP BY 1, 2 HAVING count(*) >= ${MANY_PATIENTS_THRESHOLD}
    ),
    candidates AS MATERIALIZED (
      SELECT DISTINCT r."userId", r."patientId", r."at" FROM reads r
      JOIN buckets b ON b."userId" = r."userId" AND r."at" >= b."start" AND r."at" < b."start" + interval '2 hours'
    ),
    windows AS (
      SELECT c."userId", c."at" AS "end", (
        SELECT count(DISTINCT x."patientId") FROM candidates x
        WHERE x."userId" = c."userId" AND x."at" > c."at" - ${window} AND x."at" <= c."at"
      ) AS "patients"
      FROM candidates c
    )
    SELECT w."userId", u."name" AS "userName", u."role"::text AS "userRole", max(w."patients") AS "peak",
      ${utc(Prisma.sql`(array_agg(w."end" ORDER BY w."patients" DESC, w."end"))[1]`)} AS "peakAt",
      count(*) FILTER (WHERE w."patients" >= ${MANY_PATIENTS_THRESHOLD}) AS "windows"
    FROM windows w JOIN "User" u ON u."id" = w."userId"
    GROUP BY w."userId", u."name", u."role"
    HAVING max(w."patients") >= ${MANY_PATIENTS_THRESHOLD}
    ORDER BY "peak" DESC, u."name"
    LIMIT ${LIST_LIMIT}`);
}

export async function outsideHours(period: PatternPeriod): Promise<PatternCountRow[]> {
  const local = Prisma.sql`(a."at" AT TIME ZONE 'Europe/Oslo')`;
  return pooled().rows(countRow, Prisma.sql`
    SELECT a."userId", u."name" AS "userName", u."role"::text AS "userRole", count(DISTINCT a."id") AS "reads",
      count(DISTINCT p."id") AS "patients", ${utc(Prisma.sql`max(a."at")`)} AS "lastAt"
    FROM "AuditEvent" a JOIN "User" u ON u."id" = a."userId"
      LEFT JOIN LATERAL unnest(a."patientIds" || CASE WHEN a."patientId" IS NULL THEN '{}'::text[] ELSE ARRAY[a."patientId"] END) p("id") ON true
    WHERE ${inPeriod(period)} AND ${actions(OUTSIDE_HOURS_READS)}
      AND (a."patientId" IS NOT NULL OR cardinality(a."patientIds") > 0)
      AND (${local}::date = ANY(${nonWorkingDays(period.from, period.to)}::date[])
        OR ${local}::time < make_time(${WORKING_HOURS.from}::int, 0, 0) OR ${local}::time >= make_time(${WORKING_HOURS.to}::int, 0, 0))
    GROUP BY a."userId", u."name", u."role"
    ORDER BY "reads" DESC, u."name"
    LIMIT ${LIST_LIMIT}`);
}

export async function noOwnPathway(period: PatternPeriod): Promise<PatternCountRow[]> {
  return pooled().rows(countRow, Prisma.sql`
    SELECT a."userId", u."name" AS "userName", u."role"::text AS "userRole", count(*) AS "reads",
      count(DISTINCT a."patientId") AS "patients", ${utc(Prisma.sql`max(a."at")`)} AS "lastAt"
    FROM "AuditEvent" a JOIN "User" u ON u."id" = a."userId"
    WHERE ${inPeriod(period)} AND ${actions(SINGLE_PATIENT_READS)} AND a."patientId" IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Pathway" p
        WHERE p."patientId" = a."patientId" AND (p."responsibleClinicianId" = a."userId" OR p."coordinatorId" = a."userId")
      )
    GROUP BY a."userId", u."name", u."role"
    ORDER BY "reads" DESC, u."name"
    LIMIT ${LIST_LIMIT}`);
}

/** The three lists for the period; viewing them is audited (no patient is named). */
export async function auditPatterns(actor: Actor, period: PatternPeriod): Promise<AuditPatterns> {
  assertCan(actor.user, "audit.read");
  const [many, outside, noOwn] = await Promise.all([manyPatients(period), outsideHours(period), noOwnPathway(period)]);
  await writeAudit(prisma, { userId: actor.user.id, action: "AUDIT_PATTERNS_VIEWED", detail: { from: period.from, to: period.to } }, actor.meta);
  return { period, manyPatients: many, outsideHours: outside, noOwnPathway: noOwn };
}
