import { expect, test, type Page } from "@playwright/test";
import { makeNationalId } from "../../src/domain/national-id";
import { logIn, osloToday, wcagScan } from "./support";

// A coordinator starts a new pathway in the browser; then API v1 is exercised
// over HTTP on that pathway: register, repeat, every kind of refusal, annul
// with replacement, other units and no session. Runs on its own new patient
// so the demo scenarios other specs rely on stay untouched.

test.describe.configure({ mode: "serial" });

function daysAgo(n: number): string {
  const d = new Date(`${osloToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

const NATIONAL_ID = makeNationalId("1931-02-13", 777, { synthetic: true });
let pathwayId = "";

async function fillNewPathway(page: Page) {
  await page.goto("/forlop/ny");
  await page.getByLabel("Fødselsnummer eller D-nummer").fill(NATIONAL_ID);
  await page.getByLabel("Pasientens fulle navn").fill("Nora Nyforløp");
  await page.getByLabel("Mottatt").fill(daysAgo(6));
  await page.getByLabel("Vurdert (start registreres denne dagen)").fill(daysAgo(5));
  await page.getByLabel("Henviser", { exact: true }).fill("Fastlege Hansen");
  await page.getByLabel("Type pakkeforløp").selectOption("D11");
  await page.getByLabel("Ansvarlig behandler").selectOption({ label: "Bente Behandler" });
  await page.getByRole("button", { name: "Opprett forløp" }).click();
}

test("a coordinator starts a pathway from a referral; a second open one of the same type is refused with a link", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.goto("/forlop/ny");
  const scan = await wcagScan(page);
  expect(scan.violations).toEqual([]);

  await fillNewPathway(page);
  await expect(page.getByRole("heading", { level: 1, name: /Nora Nyforløp/ })).toBeVisible();
  pathwayId = new URL(page.url()).pathname.split("/").pop()!;

  await fillNewPathway(page);
  await expect(page.getByText("Pasienten har allerede et åpent forløp av denne typen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Gå til det åpne forløpet" })).toHaveAttribute("href", `/forlop/${pathwayId}`);
});

test("API v1: register an event, repeat it, and every refusal stores nothing", async ({ page }) => {
  await logIn(page, "behandler@forlopsvakt.test", "Mine pasienter");
  const url = `/api/v1/pathways/${pathwayId}/events`;

  const created = await page.request.post(url, { data: { code: "M", date: daysAgo(2), idempotencyKey: "e2e-m-0001" } });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body.event).toMatchObject({ code: "M", clinicalDate: daysAgo(2) });
  expect(body.evaluation.deadlines.map((d: { kind: string }) => d.kind)).toContain("basis_assessment");

  const repeat = await page.request.post(url, { data: { code: "M", date: daysAgo(2), idempotencyKey: "e2e-m-0001" } });
  expect(repeat.status()).toBe(200);
  expect((await repeat.json()).duplicate).toBe(true);

  const refusals: [unknown, number, string][] = [
    [{ code: "M", date: "2026-02-30" }, 422, "date"],
    [{ code: "Q", date: daysAgo(1) }, 422, "code"],
    [{ code: "C", date: daysAgo(1) }, 422, "outcome"],
    [{ code: "E", date: "2999-01-01" }, 422, "date"],
    [{ code: "E", date: "2000-01-01" }, 422, "date"],
    [{ code: 42, date: daysAgo(1) }, 422, "code"],
  ];
  for (const [data, status, field] of refusals) {
    const response = await page.request.post(url, { data: data as object });
    expect(response.status(), JSON.stringify(data)).toBe(status);
    const error = await response.json();
    expect(error.error).toBe("validation_failed");
    expect(Object.keys(error.fieldErrors), JSON.stringify(data)).toContain(field);
    expect(error.message).toMatch(/[a-zæøå]/);
  }
  const notJson = await page.request.post(url, { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).message).toBe("Forespørselen er ikke gyldig JSON.");

  const detail = await (await page.request.get(`/api/v1/pathways/${pathwayId}`)).json();
  expect(detail.events.map((e: { code: string }) => e.code)).toEqual(["A", "M"]);
});

test("API v1: annul with a replacement in one step; a second annulment is a conflict", async ({ page }) => {
  await logIn(page, "behandler@forlopsvakt.test", "Mine pasienter");
  const before = await (await page.request.get(`/api/v1/pathways/${pathwayId}`)).json();
  const m = before.events.find((e: { code: string }) => e.code === "M");

  const annulled = await page.request.post(`/api/v1/events/${m.id}/annul`, {
    data: { reason: "Feil dato", replacement: { code: "M", date: daysAgo(3) } },
  });
  expect(annulled.status()).toBe(200);
  const after = await (await page.request.get(`/api/v1/pathways/${pathwayId}`)).json();
  const old = after.events.find((e: { id: string }) => e.id === m.id);
  expect(old.annulled).toMatchObject({ reason: "Feil dato", by: { name: "Bente Behandler" } });
  const replacement = after.events.find((e: { replacesId: string | null }) => e.replacesId === m.id);
  expect(replacement).toMatchObject({ code: "M", date: daysAgo(3), annulled: null });

  const again = await page.request.post(`/api/v1/events/${m.id}/annul`, { data: { reason: "Igjen" } });
  expect(again.status()).toBe(409);
  const noReason = await page.request.post(`/api/v1/events/${replacement.id}/annul`, { data: { reason: "" } });
  expect(noReason.status()).toBe(422);
});

test("API v1: other units answer 404, no session answers 401, and the OpenAPI description lists every route", async ({ page, playwright }) => {
  await logIn(page, "behandler.bup@forlopsvakt.test", "Mine pasienter");
  expect((await page.request.get(`/api/v1/pathways/${pathwayId}`)).status()).toBe(404);
  expect((await page.request.post(`/api/v1/pathways/${pathwayId}/events`, { data: { code: "E", date: daysAgo(1) } })).status()).toBe(404);

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const unauthenticated = await anonymous.post(`/api/v1/pathways/${pathwayId}/events`, { data: { code: "E", date: daysAgo(1) } });
  expect(unauthenticated.status()).toBe(401);
  expect((await unauthenticated.json()).error).toBe("unauthenticated");

  const openapi = await page.request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  const paths = Object.keys((await openapi.json()).paths);
  for (const route of ["/api/v1/pathways", "/api/v1/pathways/{id}", "/api/v1/pathways/{id}/events", "/api/v1/events/{id}/annul", "/api/v1/worklist"]) {
    expect(paths).toContain(route);
  }
  await anonymous.dispose();
});
