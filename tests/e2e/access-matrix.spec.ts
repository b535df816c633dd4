import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { can, type Action, type Role } from "../../src/domain/permissions";
import { ids, loggedIn, USERS, type Ids } from "./access-support";

// Every route (pages and API) × every role × own unit / other unit, from the
// route files in app/: a new route without a line in ROUTES fails the first
// test, so none can be forgotten. Writes are probed with invalid bodies only,
// so the matrix changes no data. Server actions run the same guard
// (requireActor) and are covered by the integration tests of their services.

interface Route {
  method: "GET" | "POST" | "PATCH";
  /** null: public */
  action: Action | null;
  url: (pathwayId: string, ids: Ids) => string;
  /** the record belongs to a unit: another unit's answers 404 */
  scoped?: boolean;
  page?: boolean;
}

const ROUTES: Record<string, Route> = {
  "app/page.tsx": { method: "GET", action: null, url: () => "/", page: true },
  "app/login/page.tsx": { method: "GET", action: null, url: () => "/login", page: true },
  "app/mine-pasienter/page.tsx": { method: "GET", action: "pathway.list.own", url: () => "/mine-pasienter", page: true },
  "app/arbeidsliste/page.tsx": { method: "GET", action: "worklist.view", url: () => "/arbeidsliste", page: true },
  "app/arbeidsliste/utsatt/page.tsx": { method: "GET", action: "worklist.view", url: () => "/arbeidsliste/utsatt", page: true },
  "app/arbeidsliste/eksport/route.ts": { method: "GET", action: "export.csv", url: () => "/arbeidsliste/eksport" },
  "app/forlop/ny/page.tsx": { method: "GET", action: "pathway.create", url: () => "/forlop/ny", page: true },
  "app/forlop/[id]/page.tsx": { method: "GET", action: "patient.read", url: (id) => `/forlop/${id}`, scoped: true, page: true },
  "app/henvisninger/page.tsx": { method: "GET", action: "referral.read", url: () => "/henvisninger", page: true },
  "app/henvisninger/ny/page.tsx": { method: "GET", action: "referral.write", url: () => "/henvisninger/ny", page: true },
  "app/henvisninger/[id]/page.tsx": { method: "GET", action: "referral.read", url: (id, i) => `/henvisninger/${id === i.own ? i.ownReferral : i.otherReferral}`, scoped: true, page: true },
  "app/rapporter/page.tsx": { method: "GET", action: "report.view", url: () => "/rapporter", page: true },
  "app/rapporter/behandlere/page.tsx": { method: "GET", action: "report.view", url: () => "/rapporter/behandlere?tabell=ansvarlige", page: true },
  "app/rapporter/forlop/page.tsx": { method: "GET", action: "report.view", url: () => "/rapporter/forlop?hva=frist&kind=basis_assessment", page: true },
  "app/rapporter/eksport/route.ts": { method: "GET", action: "export.csv", url: () => "/rapporter/eksport?tabell=etterlevelse" },
  "app/rapporter/forlop/eksport/route.ts": { method: "GET", action: "export.csv", url: () => "/rapporter/forlop/eksport?hva=frist&kind=basis_assessment" },
  "app/admin/page.tsx": { method: "GET", action: "admin.users", url: () => "/admin", page: true },
  // personvern: the audit review; every other role is refused, and personvern reaches no clinical page above
  "app/revisjon/page.tsx": { method: "GET", action: "audit.read", url: () => "/revisjon?handling=LOGIN_SUCCEEDED", page: true },
  "app/revisjon/innsynslogg/page.tsx": { method: "GET", action: "audit.read", url: (_id, i) => `/revisjon/innsynslogg?pasient=${i.ownPatient}`, page: true },
  "app/revisjon/monstre/page.tsx": { method: "GET", action: "audit.read", url: () => "/revisjon/monstre", page: true },
  "app/revisjon/eksport/route.ts": { method: "GET", action: "audit.read", url: () => "/revisjon/eksport?handling=LOGIN_SUCCEEDED" },
  "app/admin/klienter/page.tsx": { method: "GET", action: "admin.clients", url: () => "/admin/klienter", page: true },
  // the file's POST (create) is checked in machine-client.spec.ts and the integration tests
  "app/api/v1/admin/clients/route.ts": { method: "GET", action: "admin.clients", url: () => "/api/v1/admin/clients" },
  "app/api/v1/admin/clients/[id]/revoke/route.ts": { method: "POST", action: "admin.clients", url: (id) => `/api/v1/admin/clients/${id}/revoke` },
  "app/admin/regeltabeller/page.tsx": { method: "GET", action: "admin.rules", url: () => "/admin/regeltabeller", page: true },
  "app/import/page.tsx": { method: "GET", action: "epj.import", url: () => "/import", page: true },
  "app/varsler/page.tsx": { method: "GET", action: "notifications.view", url: () => "/varsler", page: true },
  "app/innstillinger/page.tsx": { method: "GET", action: "notifications.view", url: () => "/innstillinger", page: true },
  "app/admin/brukere/page.tsx": { method: "GET", action: "admin.users", url: () => "/admin/brukere", page: true },
  "app/admin/brukere/[id]/page.tsx": { method: "GET", action: "admin.users", url: (_id, i) => `/admin/brukere/${i.user}`, page: true },
  "app/admin/enheter/page.tsx": { method: "GET", action: "admin.units", url: () => "/admin/enheter", page: true },
  "app/admin/enheter/[id]/page.tsx": { method: "GET", action: "admin.units", url: (_id, i) => `/admin/enheter/${i.otherUnit}`, page: true },
  // the files' POSTs (create a user, a unit) are probed by tests/integration/admin.integration.test.ts for every role
  "app/api/v1/admin/users/route.ts": { method: "GET", action: "admin.users", url: () => "/api/v1/admin/users" },
  "app/api/v1/admin/users/[id]/route.ts": { method: "PATCH", action: "admin.users", url: (_id, i) => `/api/v1/admin/users/${i.user}` },
  "app/api/v1/admin/units/route.ts": { method: "GET", action: "admin.units", url: () => "/api/v1/admin/units" },
  "app/api/health/route.ts": { method: "GET", action: null, url: () => "/api/health" },
  "app/api/auth/[...nextauth]/route.ts": { method: "GET", action: null, url: () => "/api/auth/csrf" },
  "app/api/v1/openapi.json/route.ts": { method: "GET", action: null, url: () => "/api/v1/openapi.json" },
  "app/api/v1/pathways/route.ts": { method: "GET", action: "patient.read", url: () => "/api/v1/pathways" },
  "app/api/v1/pathways/[id]/route.ts": { method: "GET", action: "patient.read", url: (id) => `/api/v1/pathways/${id}`, scoped: true },
  "app/api/v1/pathways/[id]/events/route.ts": { method: "POST", action: "event.create", url: (id) => `/api/v1/pathways/${id}/events` },
  "app/api/v1/pathways/[id]/assign/route.ts": { method: "POST", action: "pathway.assign", url: (id) => `/api/v1/pathways/${id}/assign` },
  "app/api/v1/events/[id]/annul/route.ts": { method: "POST", action: "event.annul", url: (_id, ids) => `/api/v1/events/${ids.event}/annul` },
  "app/api/v1/patients/route.ts": { method: "POST", action: "patient.create", url: () => "/api/v1/patients" },
  // the file's POST (referral.write) is probed by the write fuzz in robustness.spec.ts
  "app/api/v1/referrals/route.ts": { method: "GET", action: "referral.read", url: () => "/api/v1/referrals" },
  "app/api/v1/referrals/[id]/assessment/route.ts": { method: "POST", action: "referral.write", url: (id, i) => `/api/v1/referrals/${id === i.own ? i.ownReferral : i.otherReferral}/assessment` },
  "app/api/v1/referrals/[id]/assessment/correct/route.ts": { method: "POST", action: "referral.write", url: (id, i) => `/api/v1/referrals/${id === i.own ? i.ownReferral : i.otherReferral}/assessment/correct` },
  // the import API: probed into the other unit (404 for the coordinator, whose unit is DPS); the job is a DONE one of DPS
  "app/api/v1/units/[unitId]/imports/route.ts": { method: "POST", action: "epj.import", url: (_id, i) => `/api/v1/units/${i.otherUnit}/imports?dryRun=true` },
  "app/api/v1/imports/[id]/route.ts": { method: "GET", action: "epj.import", url: (_id, i) => `/api/v1/imports/${i.ownImportJob}` },
  "app/api/v1/worklist/route.ts": { method: "GET", action: "worklist.view", url: () => "/api/v1/worklist" },
  "app/api/v1/worklist/explain/route.ts": { method: "POST", action: "notice.explain", url: () => "/api/v1/worklist/explain" },
  "app/api/v1/worklist/postpone/route.ts": { method: "POST", action: "worklist.postpone", url: () => "/api/v1/worklist/postpone" },
  "app/api/v1/worklist/postponements/[id]/undo/route.ts": { method: "POST", action: "worklist.postpone", url: (id) => `/api/v1/worklist/postponements/${id}/undo` },
  "app/api/v1/worklist/assign/route.ts": { method: "POST", action: "pathway.assign", url: () => "/api/v1/worklist/assign" },
};

function routeFiles(dir = "app"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "page.tsx" || name === "route.ts" ? [relative(".", path)] : [];
  });
}

async function call(request: APIRequestContext, route: Route, url: string) {
  const response =
    route.method === "GET"
      ? await request.get(url, { maxRedirects: route.page ? 5 : 0 })
      : await request.fetch(url, { method: route.method, data: { invalid: true }, maxRedirects: 0 });
  return { status: response.status(), url: response.url(), text: route.page ? await response.text() : "", headers: response.headers() };
}

test("every route in app/ has a line in the access matrix", () => {
  expect(routeFiles().sort()).toEqual(Object.keys(ROUTES).sort());
});

test("unauthenticated visitors are sent to the login page (pages) or get 401 (API)", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const all = await ids();
  for (const [file, route] of Object.entries(ROUTES)) {
    const url = route.url(all.own, all);
    // everything outside /api (pages, CSV downloads) is a browser address: to the login page
    const isApi = url.startsWith("/api");
    const result = await call(request, { ...route, page: route.page || !isApi }, url);
    if (route.action === null) expect(result.status, file).toBe(200);
    else if (!isApi) expect(new URL(result.url).pathname, file).toBe("/login");
    else expect(result.status, file).toBe(401);
  }
  await request.dispose();
});

for (const role of Object.keys(USERS) as Role[]) {
  test(`${role}: every route allows or refuses as the permission table says, and other units answer 404`, async ({ browser }) => {
    test.setTimeout(120_000);
    const request = await loggedIn(browser, USERS[role].email);
    const all = await ids();
    for (const [file, route] of Object.entries(ROUTES)) {
      const allowed = route.action === null || can(role, route.action);
      for (const unit of route.scoped ? (["DPS", "BUP"] as const) : (["DPS"] as const)) {
        const pathwayId = unit === "DPS" ? all.own : all.other;
        const result = await call(request, route, route.url(pathwayId, all));
        const where = `${role} ${route.method} ${file} (${unit})`;
        if (!allowed) {
          expect(result.status, where).toBe(403);
          if (route.page) expect(result.text, where).toContain("Ingen tilgang");
        } else if (route.scoped && !USERS[role].units.includes(unit)) {
          expect(result.status, where).toBe(404);
        } else if (route.method === "GET") {
          expect(result.status, where).toBe(200);
          // security headers on every page and response
          expect(result.headers["content-security-policy"] ?? "", where).toContain("frame-ancestors 'none'");
          expect(result.headers["x-content-type-options"], where).toBe("nosniff");
        } else {
          // allowed, probed with an invalid body: refused for the input, never for the role
          expect(result.status, where).toBeGreaterThanOrEqual(400);
          expect([401, 403, 500], where).not.toContain(result.status);
        }
      }
    }
  });
}
