import { expect, test } from "@playwright/test";
import { logIn } from "./support";

// Response headers that keep patient data where it belongs: API answers and
// CSV exports are never stored by the browser or a shared cache, and a
// browser that reached the app over https is told to keep using it (HSTS).
// The app speaks plain HTTP behind a TLS-terminating proxy, which says
// "https" in X-Forwarded-Proto.

const HSTS = "max-age=31536000";

test("every API answer and CSV export with patient data says Cache-Control: no-store", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test");
  const list = await page.request.get("/api/v1/pathways?status=OPEN&limit=1");
  const pathwayId = (await list.json()).items[0].id;
  const answers = {
    "/api/v1/pathways": list,
    "/api/v1/pathways/{id}": await page.request.get(`/api/v1/pathways/${pathwayId}`),
    "/api/v1/worklist": await page.request.get("/api/v1/worklist"),
    "/api/v1/worklist (refused filter)": await page.request.get("/api/v1/worklist?enhet=not-a-unit", { failOnStatusCode: false }),
    "/arbeidsliste/eksport": await page.request.get("/arbeidsliste/eksport", { failOnStatusCode: false }),
    "/rapporter/eksport": await page.request.get("/rapporter/eksport?tabell=etterlevelse", { failOnStatusCode: false }),
  };
  for (const [path, response] of Object.entries(answers)) {
    expect(response.headers()["cache-control"], path).toBe("no-store");
    // the JSON API skips proxy.ts: a fixed policy allowing nothing (next.config.js)
    if (path.startsWith("/api/")) expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});

test("HSTS when the browser reached the app over https, not over plain http", async ({ page, playwright }) => {
  const baseURL = test.info().project.use.baseURL!;
  const plain = await playwright.request.newContext({ baseURL });
  const viaTls = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  try {
    for (const path of ["/login", "/api/health", "/arbeidsliste"]) {
      const overHttps = await viaTls.get(path, { maxRedirects: 0, failOnStatusCode: false });
      expect(overHttps.headers()["strict-transport-security"], path).toBe(HSTS);
      const overHttp = await plain.get(path, { maxRedirects: 0, failOnStatusCode: false });
      expect(overHttp.headers()["strict-transport-security"], path).toBeUndefined();
    }
  } finally {
    await plain.dispose();
    await viaTls.dispose();
  }
  // a signed-in page over https too
  await logIn(page, "koordinator@forlopsvakt.test");
  const worklist = await page.request.get("/arbeidsliste", { headers: { "X-Forwarded-Proto": "https" } });
  expect(worklist.headers()["strict-transport-security"]).toBe(HSTS);
});
