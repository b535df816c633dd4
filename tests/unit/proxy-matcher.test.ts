import { describe, expect, it } from "vitest";
import * as staticInfo from "next/dist/build/analysis/get-page-static-info";
import { config } from "../../proxy";

// the function `next build` turns a proxy's `config.matcher` into the manifest's regexp with (not in its types)
const { getMiddlewareMatchers } = staticInfo as unknown as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => { regexp: string }[];
};

// The JSON API and the health check skip the proxy (it cost ~10–14 % of a
// worker's busy time per API call, see proxy.ts); pages, server actions,
// Auth.js and any address whose percent-encoding needs checking still pass it.

const [matcher] = getMiddlewareMatchers(config.matcher, {});
const runsProxy = (path: string) => new RegExp(matcher.regexp).test(path);

describe("which requests pass through the proxy", () => {
  it("skips the JSON API and the health check", () => {
    for (const path of ["/api/v1/worklist", "/api/v1/pathways/cmabc123/events", "/api/v1/pathways", "/api/v1/openapi.json", "/api/health"]) {
      expect(runsProxy(path), path).toBe(false);
    }
  });

  it("still checks pages, Auth.js, and API addresses carrying a percent-encoding", () => {
    for (const path of ["/", "/arbeidsliste", "/forlop/abc", "/login", "/api/auth/session", "/api/v1/pathways/%zz", "/api/v1/pathways/%zz/events", "/api/healthx", "/api/v1x"]) {
      expect(runsProxy(path), path).toBe(true);
    }
  });

  it("leaves static files alone", () => {
    expect(runsProxy("/_next/static/chunks/app.js")).toBe(false);
    expect(runsProxy("/icon.svg")).toBe(false);
  });
});
