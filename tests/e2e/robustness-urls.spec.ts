import { expect, test } from "@playwright/test";
import { mulberry32 } from "./seeded-random";
import { forEachConcurrently, logIn } from "./support";

// Over a thousand hostile URL parameters, generated from a fixed seed, on
// pages, exports and API reads: never a 5xx, a 4xx says why in Norwegian.
// Reads only, so it runs beside other specs (playwright.config.ts); the
// sweeps of writes are in robustness.spec.ts.

const CONCURRENCY = 4;

test("1 000+ hostile URL parameters on pages, exports and API reads: never a 5xx, 4xx with a Norwegian message", async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, "leder@forlopsvakt.test");
  const rng = mulberry32(20261130);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
  const cursor = () =>
    pick([
      "x", "%00", "!!!", "e30", b64([]), b64({}), b64("null"), b64(["DEADLINE", "2026-13-45", "abc"]), b64(["DEADLINE", "2026-02-30", "abc"]),
      b64([null, "2026-01-01", "a\u0000b"]), b64(["NOPE", "2026-01-01", "a"]), b64(["DEADLINE", "2026-01-01", { not: "x" }]), b64(["DEADLINE", "2026-01-01", "x".repeat(500)]),
      b64([null, "2026-01-01", "\ud800"]), "A".repeat(300),
    ]);
  const value = () =>
    pick([
      "%00", "a%00b", "%ED%A0%80", "%F0%9F%A7%A0", "2026-13-01", "2026-02-30", "0000-00-01", "9999-99-01", "-1", "1e309", "NaN", "%27%20OR%201%3D1%20--",
      "%3Cscript%3E", "..%2F..%2Fetc", "x".repeat(2000), "%C0%AF", "%", "%zz", "[]", "{}",
    ]);
  const urls: (() => string)[] = [
    () => `/arbeidsliste?etter=${cursor()}`,
    () => `/arbeidsliste?${pick(["enhet", "type", "setting", "behandler", "grunn", "horisont", "sortering", "etter"])}=${value()}`,
    () => `/api/v1/worklist?${pick(["enhet", "type", "setting", "behandler", "grunn", "horisont", "sortering"])}=${value()}&etter=${rng() < 0.5 ? cursor() : ""}`,
    () => `/api/v1/pathways?${pick(["status", "type", "clinician", "cursor", "limit"])}=${value()}`,
    () => `/api/v1/pathways/${pick([value(), "%00", "x%00y"])}`,
    () => `/rapporter?${pick(["periode", "fra", "til", "enhet", "type"])}=${value()}`,
    () => `/rapporter?periode=egen&fra=${value()}&til=${value()}`,
    () => `/rapporter/forlop?hva=frist&kind=${pick(["basis_assessment", value()])}&maaned=${pick(["2026-13-01", "2026-00-01", "0000-02-01", value()])}`,
    () => `/rapporter/forlop?hva=${pick(["frist", "merknad", "tilbakemelding", value()])}&enhetsrad=${value()}&behandler=${value()}&merknad=${value()}&utfall=${value()}&kind=basis_assessment`,
    () => `/rapporter/eksport?tabell=${pick(["etterlevelse", value()])}&${pick(["periode", "fra", "til", "enhet", "type"])}=${value()}`,
    () => `/rapporter/behandlere?tabell=${pick(["ansvarlige", "kodeforsinkelse", "behandlere", value()])}&side=${value()}&${pick(["periode", "fra", "til", "enhet", "type"])}=${value()}`,
    () => `/arbeidsliste/eksport?${pick(["enhet", "type", "behandler", "grunn", "horisont"])}=${value()}`,
    () => `/forlop/${value()}`,
  ];
  const statuses = new Map<number, number>();
  let sent = 0;
  const drawn = Array.from({ length: 1080 }, (_, n) => urls[n % urls.length]());
  await forEachConcurrently(drawn, CONCURRENCY, async (url) => {
    const response = await page.request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
    sent += 1;
    const status = response.status();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const text = await response.text();
    expect(status, `${url.slice(0, 200)}: ${status} ${text.slice(0, 200)}`).toBeLessThan(500);
    if (status >= 400) expect(text, url.slice(0, 200)).toMatch(/ugyldig|fant ikke|finnes ikke|forespørselen|ukjent|velg|datoen|lenken|må være|kan ikke|kan være|noen felt/i);
  });
  expect(sent).toBeGreaterThanOrEqual(1000);
  console.log([...statuses.entries()].map(([k, v]) => `${k}: ${v}`).join(", "));
});
