import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { builtActions, callAction, callActionRaw } from "./action-support";
import { ids, loggedIn, USERS } from "./access-support";
import { logIn } from "./support";

// Each input the attack found answering 500, by name: now a 4xx with a
// Norwegian message (a page with a link back for addresses people open).

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

test("mangled worklist cursors: a 404 page saying the link is invalid, with a link back to the first page", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  for (const etter of ["x", "!!!", b64(["DEADLINE", "2026-13-45", "abc"]), b64(["DEADLINE", "2026-02-30", "abc"]), b64([null, "2026-01-01", "a\u0000b"]), b64(["NOPE", "2026-01-01", "a"])]) {
    const response = await page.goto(`/arbeidsliste?etter=${etter}`);
    expect(response?.status(), etter).toBe(404);
    await expect(page.getByRole("heading", { name: "Lenken er ugyldig" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Til arbeidslisten" })).toHaveAttribute("href", "/arbeidsliste");
  }
  // the API answers the same cursors with 422 and the message
  const api = await page.request.get(`/api/v1/worklist?etter=${b64(["DEADLINE", "2026-13-45", "abc"])}`);
  expect(api.status()).toBe(422);
  expect((await api.json()).fieldErrors.etter).toEqual(["Lenken til neste side er ugyldig. Start fra første side."]);
});

test("drill-down links with an impossible month or a NUL: a 404 page with a link back to the reports", async ({ page }) => {
  await logIn(page, "leder@forlopsvakt.test");
  for (const query of ["hva=frist&kind=basis_assessment&maaned=2026-13-01", "hva=merknad&behandler=a%00b", "hva=frist&kind=basis_assessment&enhetsrad=a%00b", "hva=ukjent"]) {
    const response = await page.goto(`/rapporter/forlop?${query}`);
    expect(response?.status(), query).toBe(404);
    await expect(page.getByRole("heading", { name: "Lenken er ugyldig" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tilbake til rapportene" })).toBeVisible();
  }
});

test("NUL in API filters and a broken percent-encoding in an address: 4xx with a Norwegian message", async ({ page }) => {
  await logIn(page, "leder@forlopsvakt.test");
  for (const url of ["/api/v1/pathways?clinician=a%00b", "/api/v1/pathways?cursor=%00", "/api/v1/worklist?behandler=%00", "/arbeidsliste/eksport?enhet=%00"]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBeGreaterThanOrEqual(400);
    expect(response.status(), url).toBeLessThan(500);
    expect((await response.json()).message, url).toMatch(/ugyldige tegn|ikke fylt ut riktig/);
  }
  const broken = await page.request.get("/forlop/%zz");
  expect(broken.status()).toBe(400);
  expect(await broken.text()).toContain("Adressen er ugyldig");
});

test("server actions: NUL and lone surrogates in strings, a body over 1 MB and React references to nothing are refused with 4xx or a Norwegian message", async ({ browser }) => {
  const i = await ids();
  const request = await loggedIn(browser, USERS.COORDINATOR.email);
  const built = builtActions();
  const explain = built.get("src/features/worklist/actions.ts#explainNoticeAction")!;
  for (const noticeKey of ["a\u0000b", "\ud800", "x\udc00"]) {
    const result = await callAction(request, explain, "/arbeidsliste", [{ pathwayId: i.own, noticeKey, justification: "Forklaring" }]);
    expect(result.value, JSON.stringify(noticeKey)).toMatchObject({ ok: false, code: "validation_failed", message: "Teksten inneholder ugyldige tegn." });
  }
  const register = built.get("src/features/pathway/code-actions.ts#registerCodeAction")!;
  const nul = await callAction(request, register, `/forlop/${i.own}`, [i.own, { code: "L", date: "2026-01-01", justification: "a\u0000b" }]);
  expect(nul.value).toMatchObject({ ok: false, code: "validation_failed" });
  const huge = await callActionRaw(request, register, `/forlop/${i.own}`, JSON.stringify([i.own, { code: "L", date: "2026-01-01", justification: "x".repeat(1_100_000) }]));
  expect(huge.status).toBe(413);
  expect(huge.text).toContain("Forespørselen er for stor.");
  for (const reference of ['["$@0"]', '["$Q9"]', `["${i.own}", "$nx"]`, '["$F9"]']) {
    const result = await callActionRaw(request, register, `/forlop/${i.own}`, reference);
    expect(result.status, reference).toBe(400);
    expect(result.text, reference).toContain("Forespørselen er ikke gyldig.");
  }
});

test("a body declared larger than the app takes is refused before it is sent: 413 at once, nothing buffered", async () => {
  const base = new URL(test.info().project.use.baseURL!);
  for (const path of ["/api/v1/pathways/x/events", "/arbeidsliste"]) {
    // 100 MB declared, 1 kB sent: the answer must not wait for the rest
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: base.hostname, port: base.port, method: "POST", path, headers: { "content-length": 100 * 1024 * 1024, "content-type": "application/json" } },
        (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on("error", reject);
      req.setTimeout(10_000, () => reject(new Error(`no answer to ${path} within 10 s: the body is being waited for`)));
      req.write(Buffer.alloc(1024, "x"));
    });
    expect(answer.status, path).toBe(413);
    expect(answer.body, path).toContain("Forespørselen er for stor.");
  }
});
