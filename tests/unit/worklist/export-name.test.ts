import { describe, expect, it } from "vitest";
import { fileSlug, worklistExportName } from "@/server/worklist/export-name";
import { requestOrigin } from "@/server/request-origin";
import { worklistFilterSchema } from "@/server/worklist/filters";

describe("the worklist CSV's file name", () => {
  it("carries the filters, in ASCII", () => {
    const all = worklistFilterSchema.parse({});
    expect(worklistExportName(all, "2026-11-22", {})).toBe("arbeidsliste_2026-11-22.csv");
    const narrowed = worklistFilterSchema.parse({ enhet: "u1", type: "D11", setting: "DOGN", grunn: "forfalt", behandler: "ingen", horisont: "30", sortering: "frist" });
    expect(worklistExportName(narrowed, "2026-11-22", { unit: "Fjordby DPS, poliklinikk" })).toBe(
      "arbeidsliste_2026-11-22_fjordby-dps-poliklinikk_D11_dogn_forfalt_uten-behandler_30-dager_etter-frist.csv",
    );
    expect(fileSlug("Åse Ødegård Bæra")).toBe("ase-odegard-baera");
  });
});

describe("the address a page was opened at", () => {
  const req = (url: string, headers: Record<string, string>) => new Request(url, { headers });
  it("is the browser's host, not the server's listening address", () => {
    expect(requestOrigin(req("http://localhost:3000/arbeidsliste/eksport", { host: "forlopsvakt.sykehus.no" }))).toBe("http://forlopsvakt.sykehus.no");
    expect(requestOrigin(req("http://localhost:3000/x", { host: "127.0.0.1:3208" }))).toBe("http://127.0.0.1:3208");
    expect(requestOrigin(req("http://localhost:3000/x", { host: "intern:3000", "x-forwarded-host": "fv.example.no", "x-forwarded-proto": "https" }))).toBe("https://fv.example.no");
  });
  it("falls back to the server's own address for a host header that is not a host", () => {
    expect(requestOrigin(req("http://localhost:3000/x", { host: "evil.example/path" }))).toBe("http://localhost:3000");
    expect(requestOrigin(req("http://localhost:3000/x", { host: "a@b" }))).toBe("http://localhost:3000");
  });
});
