import type { APIRequestContext, Browser } from "@playwright/test";
import pg from "pg";
import type { Role } from "../../src/domain/permissions";
import { logIn } from "./support";

// Shared by the access matrices of routes (access-matrix.spec.ts) and server
// actions (action-matrix.spec.ts).

export type Ids = {
  own: string;
  other: string;
  event: string;
  otherEvent: string;
  otherUnit: string;
  ownReferral: string;
  otherReferral: string;
  ownPatient: string;
  user: string;
  ownImportJob: string;
};

/** A finished import job of the own (DPS) unit, for GET /api/v1/imports/{id}: the demo data has none. */
const OWN_IMPORT_JOB = "e2e-import-dps";
const EMPTY_IMPORT_REPORT = {
  dryRun: false,
  counts: { patientsCreated: 0, referralsCreated: 0, pathwaysCreated: 0, eventsCreated: 0, eventsUnchanged: 0, eventsCorrected: 0, rowsRefused: 0, missingFromFile: 0 },
  refused: [],
  missing: [],
};

// Demo users: DPS is the own unit of the clinician and the coordinator; the
// leader has every unit; the administrator and the privacy officer none.
export const USERS: Record<Role, { email: string; units: ("DPS" | "BUP")[] }> = {
  CLINICIAN: { email: "behandler@forlopsvakt.test", units: ["DPS"] },
  COORDINATOR: { email: "koordinator@forlopsvakt.test", units: ["DPS"] },
  LEADER: { email: "leder@forlopsvakt.test", units: ["DPS", "BUP"] },
  ADMIN: { email: "admin@forlopsvakt.test", units: [] },
  PRIVACY_OFFICER: { email: "personvern@forlopsvakt.test", units: [] },
};

/** A DPS pathway (own unit of the clinician and coordinator), a BUP one, an event of each, the BUP unit and a user. */
export async function ids(): Promise<Ids> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const pathway = async (kind: string) =>
      (await client.query(`SELECT p.id FROM "Pathway" p JOIN "Unit" u ON u.id = p."unitId" WHERE u.kind = $1 AND u."codesRecordedIn" = 'FORLOPSVAKT'
         AND EXISTS (SELECT 1 FROM "PathwayEvent" e WHERE e."pathwayId" = p.id) ORDER BY p.id LIMIT 1`, [kind])).rows[0].id as string;
    const eventOf = async (pathwayId: string) =>
      (await client.query(`SELECT id FROM "PathwayEvent" WHERE "pathwayId" = $1 LIMIT 1`, [pathwayId])).rows[0].id as string;
    const own = await pathway("DPS");
    const other = await pathway("BUP");
    const otherUnit = (await client.query(`SELECT "unitId" FROM "Pathway" WHERE id = $1`, [other])).rows[0].unitId as string;
    const referralOf = async (pathwayId: string) => (await client.query(`SELECT "referralId" FROM "Pathway" WHERE id = $1`, [pathwayId])).rows[0].referralId as string;
    // a demo user, for the administration's pages of one user
    const user = (await client.query(`SELECT id FROM "User" WHERE email = 'behandler@forlopsvakt.test'`)).rows[0].id as string;
    const ownPatient = (await client.query(`SELECT "patientId" FROM "Pathway" WHERE id = $1`, [own])).rows[0].patientId as string;
    const ownUnit = (await client.query(`SELECT "unitId" FROM "Pathway" WHERE id = $1`, [own])).rows[0].unitId as string;
    await client.query(
      `INSERT INTO "ImportJob" ("id", "unitId", "userId", "fileName", "sha256", "status", "result", "finishedAt")
       VALUES ($1, $2, $3, 'uttrekk.csv', repeat('0', 64), 'DONE', $4::jsonb, CURRENT_TIMESTAMP) ON CONFLICT ("id") DO NOTHING`,
      [OWN_IMPORT_JOB, ownUnit, user, JSON.stringify(EMPTY_IMPORT_REPORT)],
    );
    const ownImportJob = OWN_IMPORT_JOB;
    return { own, other, event: await eventOf(own), otherEvent: await eventOf(other), otherUnit, ownReferral: await referralOf(own), otherReferral: await referralOf(other), ownPatient, user, ownImportJob };
  } finally {
    await client.end();
  }
}

export async function loggedIn(browser: Browser, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email);
  // the landing page done and closed: its audit row is written and nothing in the
  // background (a render still streaming, a prefetch) writes one while a test
  // compares the database before and after
  await page.waitForLoadState("networkidle");
  await page.close();
  return context.request;
}

