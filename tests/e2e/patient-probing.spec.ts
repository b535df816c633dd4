import { expect, test, type APIRequestContext } from "@playwright/test";
import { query as sql } from "./db-snapshot";
import { makeNationalId } from "../../src/domain/national-id";
import type { Role } from "../../src/domain/permissions";
import { builtActions, callAction } from "./action-support";
import { loggedIn, USERS } from "./access-support";
import { logIn, osloToday } from "./support";

// Issue 13, item 2, against the production build: "Nytt pakkeforløp" answers
// a national id known only in another unit (a BUP patient, for DPS users)
// exactly as an unknown one, never shows the other unit's name, and leaves
// an audit row for every lookup and link. The server action is posted over
// HTTP as the form posts it.

const ACTION_FILE = "src/features/new-pathway/actions.ts";

/** The action's answer as the browser gets it: HTTP status and the returned value, ids removed. */
async function create(request: APIRequestContext, fields: Record<string, unknown>) {
  const id = builtActions().get(`${ACTION_FILE}#createPathwayAction`);
  if (!id) throw new Error("createPathwayAction is not in the build");
  const result = await callAction(request, id, "/forlop/ny", [fields]);
  const { pathwayId, ...rest } = (result.value ?? { ok: false }) as { ok: boolean; pathwayId?: string };
  return { status: result.status, answer: rest, pathwayId, text: result.text };
}

/** Patients of BUP only (no referral in DPS), one per test that needs one. */
async function bupOnlyPatients(n: number) {
  return sql<{ id: string; nationalId: string; name: string }>(
    `SELECT pa.id, pa."nationalId", pa.name FROM "Patient" pa
     WHERE EXISTS (SELECT 1 FROM "Referral" r JOIN "Unit" u ON u.id = r."unitId" WHERE r."patientId" = pa.id AND u.kind = 'BUP')
       AND NOT EXISTS (SELECT 1 FROM "Referral" r JOIN "Unit" u ON u.id = r."unitId" WHERE r."patientId" = pa.id AND u.kind <> 'BUP')
     ORDER BY pa.id LIMIT $1`,
    [n],
  );
}

let unknownSeed = 0;
/** A synthetic national id no patient has. */
async function unknownId(): Promise<string> {
  for (;;) {
    const id = makeNationalId(`1927-0${1 + (unknownSeed % 9)}-1${unknownSeed % 10}`, 300 + unknownSeed++, { synthetic: true });
    if ((await sql(`SELECT 1 FROM "Patient" WHERE "nationalId" = $1`, [id])).length === 0) return id;
  }
}

const dpsUnit = async () => (await sql<{ id: string }>(`SELECT id FROM "Unit" WHERE kind = 'DPS' AND "codesRecordedIn" = 'FORLOPSVAKT' ORDER BY id LIMIT 1`))[0].id;

const form = (nationalId: string, unitId: string, patientName?: string) => ({
  nationalId,
  patientName,
  unitId,
  type: "D11",
  referralReceived: osloToday(),
  referrerName: "Fastlege Probe",
});

for (const role of ["CLINICIAN", "COORDINATOR"] as Role[]) {
  test(`${role}: a national id known only in another unit gets the unknown id's answer, the typed name, and an audit trail`, async ({ browser }) => {
    const request = await loggedIn(browser, USERS[role].email);
    const unitId = await dpsUnit();
    const [known] = await bupOnlyPatients(role === "CLINICIAN" ? 1 : 2).then((rows) => rows.slice(-1));
    const [{ id: userId }] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [USERS[role].email]);
    const [{ since }] = await sql<{ since: string }>(`SELECT COALESCE(max(id), 0)::text AS since FROM "AuditEvent"`);

    // no name: before, an unknown id answered "Pasienten er ny" and a known one created the pathway
    const noNameKnown = await create(request, form(known.nationalId, unitId));
    const noNameUnknown = await create(request, form(await unknownId(), unitId));
    expect(noNameKnown.answer).toEqual(noNameUnknown.answer);
    expect([noNameKnown.status, noNameKnown.answer]).toMatchObject([200, { ok: false, fieldErrors: { patientName: ["Skriv inn pasientens fulle navn."] } }]);

    // a name that is not the registered one: created alike, and the typed name is what shows
    const typed = "Probe Navnesen";
    const forKnown = await create(request, form(known.nationalId, unitId, typed));
    const forUnknown = await create(request, form(await unknownId(), unitId, typed));
    expect([forKnown.status, forKnown.answer]).toEqual([forUnknown.status, forUnknown.answer]);
    expect(forKnown.answer).toEqual({ ok: true });
    expect(forKnown.text).not.toContain(known.name);

    const page = await request.get(`/forlop/${forKnown.pathwayId}`);
    const html = await page.text();
    expect(html).toContain(typed);
    expect(html).not.toContain(known.name);
    const api = await (await request.get(`/api/v1/pathways/${forKnown.pathwayId}`)).json();
    expect(api.pathway.patient.name).toBe(typed);
    // only the coordinator is asked to check the name, and is not told the registered one
    expect(html.includes("Kontroller pasientens navn")).toBe(role === "COORDINATOR");

    // the lookup of the known id is audited with its patient (the nameless try
    // was refused before any lookup); the link is its own audited step
    const rows = await sql<{ action: string; pathwayId: string | null; detail: Record<string, unknown> }>(
      `SELECT action::text AS action, "pathwayId", detail FROM "AuditEvent"
       WHERE "userId" = $1 AND "patientId" = $2 AND action::text <> 'PATHWAY_VIEWED' AND id > $3 ORDER BY id`,
      [userId, known.id, since],
    );
    expect(rows.map((r) => r.action)).toEqual(["PATIENT_LOOKUP", "PATHWAY_CREATED", "PATIENT_LINKED"]);
    expect(rows[0].detail).toEqual({ purpose: "pathway.create", unitId, matched: true });
    expect(rows[2]).toMatchObject({ pathwayId: forKnown.pathwayId, detail: { unitId, nameMatched: false, knownInUnits: false } });
    const unmatched = await sql(
      `SELECT 1 FROM "AuditEvent" WHERE "userId" = $1 AND action = 'PATIENT_LOOKUP' AND "patientId" IS NULL AND id > $2`,
      [userId, since],
    );
    expect(unmatched.length).toBe(1);
  });
}

for (const role of ["LEADER", "ADMIN"] as Role[]) {
  test(`${role}: cannot create pathways, and no national id is looked up`, async ({ browser }) => {
    const request = await loggedIn(browser, USERS[role].email);
    const [known] = await bupOnlyPatients(1);
    const result = await create(request, form(known.nationalId, await dpsUnit(), known.name));
    expect(result.answer).toMatchObject({ ok: false, code: "forbidden" });
    const [{ n }] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditEvent" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1 AND a.action = 'PATIENT_LOOKUP'`,
      [USERS[role].email],
    );
    expect(n).toBe(0);
  });
}

test("the form asks for the name of every patient and shows the typed one after creation", async ({ page }) => {
  await logIn(page, "behandler@forlopsvakt.test", "Mine pasienter");
  const [, , known] = await bupOnlyPatients(3);
  await page.goto("/forlop/ny");
  await page.getByLabel("Fødselsnummer eller D-nummer").fill(known.nationalId);
  await page.getByLabel("Mottatt").fill(osloToday());
  await page.getByLabel("Henviser", { exact: true }).fill("Fastlege Probe");
  await expect(page.getByLabel("Pasientens fulle navn")).toHaveAttribute("required", "");
  await page.getByLabel("Pasientens fulle navn").fill("Skjema Skrivefeil");
  await page.getByRole("button", { name: "Opprett forløp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Skjema Skrivefeil/ })).toBeVisible();
  await expect(page.getByText(known.name)).toHaveCount(0);
});

test("a coordinator resolves the name discrepancy by entering the name from the Folkeregister", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  const [, , , known] = await bupOnlyPatients(4);
  await page.goto("/forlop/ny");
  await page.getByLabel("Fødselsnummer eller D-nummer").fill(known.nationalId);
  await page.getByLabel("Pasientens fulle navn").fill("Skrive Feilsen");
  await page.getByLabel("Mottatt").fill(osloToday());
  await page.getByLabel("Henviser", { exact: true }).fill("Fastlege Probe");
  await page.getByRole("button", { name: "Opprett forløp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Skrive Feilsen/ })).toBeVisible();
  const note = page.getByRole("note");
  await expect(note.getByRole("heading", { name: "Kontroller pasientens navn" })).toBeVisible();

  await note.getByLabel("Navn i folkeregisteret").fill("Skrive Feilsen");
  await note.getByRole("button", { name: "Lagre kontrollert navn" }).click();
  await expect(note.getByRole("status")).toContainText("avviker fortsatt");
  // a refusal keeps what was typed (the form no longer empties itself)
  await expect(note.getByLabel("Navn i folkeregisteret")).toHaveValue("Skrive Feilsen");
  // the registered name stands in for the Folkeregister's here
  await note.getByLabel("Navn i folkeregisteret").fill(known.name.toUpperCase());
  await note.getByRole("button", { name: "Lagre kontrollert navn" }).click();
  // resolved: the note goes and the page shows the registered name (the one just typed)
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(known.name) })).toBeVisible();
  await expect(page.getByRole("note")).toHaveCount(0);
});
