import "server-only";
import { CareSetting, CodesRecordedIn, PathwayType } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import type { Actor } from "@/server/auth/current-user";
import { pooled } from "@/server/sql";
import { responsibleUserSql } from "@/server/users/responsible";
import { compareNorwegian } from "@/lib/collate";

// One hand-written statement, not a Prisma query: the worklist page asks on
// every view, and Prisma's query compiler compiled this nested query anew on
// each call (~850 ms of 7.8 s busy over 80 views in a CPU profile of the page).

const unitRow = z.object({
  id: z.string(),
  name: z.string(),
  setting: z.enum(CareSetting),
  pathwayTypes: z.array(z.enum(PathwayType)),
  codesRecordedIn: z.enum(CodesRecordedIn),
  clinicians: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** The actor's units with the pathway types they run and those who may be responsible for patients there, for forms. */
export async function unitOptionsFor(actor: Actor) {
  const units = await pooled().rows(unitRow, Prisma.sql`
    SELECT u."id", u."name", u."setting"::text AS "setting", u."pathwayTypes"::text[] AS "pathwayTypes", u."codesRecordedIn"::text AS "codesRecordedIn",
      COALESCE((SELECT json_agg(json_build_object('id', p."id", 'name', p."name"))
                FROM "UserUnit" m JOIN "User" p ON p."id" = m."userId"
                WHERE m."unitId" = u."id" AND ${responsibleUserSql("p")}), '[]') AS "clinicians"
    FROM "Unit" u
    WHERE u."id" = ANY(${actor.user.unitIds}::text[])
    ORDER BY u."name"`);
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    setting: u.setting,
    pathwayTypes: u.pathwayTypes,
    /** EPJ: the unit's codes are registered in the patient record system, not here */
    codesRecordedIn: u.codesRecordedIn,
    clinicians: u.clinicians.sort((a, b) => compareNorwegian(a.name, b.name)),
  }));
}
export type UnitOption = Awaited<ReturnType<typeof unitOptionsFor>>[number];

const choiceRow = z.object({
  id: z.string(),
  name: z.string(),
  codesRecordedIn: z.enum(CodesRecordedIn),
  chosen: z.object({ id: z.string(), name: z.string() }).nullable(),
});

/**
 * The worklist page's share of unitOptionsFor: the actor's units by name, and the
 * clinician a list is filtered by (`clinicianId`) when they may be responsible in
 * one of them, else null, as unitOptionsFor's clinicians would give. Not every
 * unit's clinicians (134 in the largest unit): the page sends only the chosen
 * one (its selects ask for the rest, src/features/worklist/clinicians.ts), and
 * reading, checking and sorting all of them on every view cost PostgreSQL and
 * Node for nothing.
 */
export async function unitChoicesFor(actor: Actor, clinicianId: string | undefined) {
  const rows = await pooled().rows(choiceRow, Prisma.sql`
    SELECT u."id", u."name", u."codesRecordedIn"::text AS "codesRecordedIn",
      ${
        clinicianId
          ? Prisma.sql`(SELECT json_build_object('id', p."id", 'name', p."name")
                FROM "UserUnit" m JOIN "User" p ON p."id" = m."userId"
                WHERE m."unitId" = u."id" AND p."id" = ${clinicianId} AND ${responsibleUserSql("p")})`
          : Prisma.sql`NULL::json`
      } AS "chosen"
    FROM "Unit" u
    WHERE u."id" = ANY(${actor.user.unitIds}::text[])
    ORDER BY u."name"`);
  return {
    units: rows.map(({ id, name, codesRecordedIn }) => ({ id, name, codesRecordedIn })),
    chosen: rows.find((u) => u.chosen)?.chosen ?? null,
  };
}
