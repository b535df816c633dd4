import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CODES_RECORDED_IN } from "@/domain/codes-recorded-in";
import { adminUnitJson } from "@/server/admin/units/schema";

// Which system records a unit's codes has one list (src/domain/codes-recorded-in.ts):
// the schemas and types take it from there, so a third choice is added in one
// place. The admin units JSON schema spelled it out (review of issue 18).

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("CODES_RECORDED_IN is the one list", () => {
  it("no file but the domain's spells the list out (as an array or a union type)", () => {
    const spelled = /["']EPJ["']\s*,\s*["']FORLOPSVAKT["']|["']EPJ["']\s*\|\s*["']FORLOPSVAKT["']/;
    const offenders = [...sourceFiles("src"), ...sourceFiles("app")].filter(
      (file) => !file.endsWith(join("domain", "codes-recorded-in.ts")) && spelled.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("the admin units JSON takes exactly the domain's values", () => {
    const unit = { id: "u1", name: "Enhet", code: null, kind: "DPS", setting: "POLIKLINIKK", pathwayTypes: ["D11"], active: true };
    for (const value of CODES_RECORDED_IN) expect(adminUnitJson.safeParse({ ...unit, codesRecordedIn: value }).success).toBe(true);
    expect(adminUnitJson.safeParse({ ...unit, codesRecordedIn: "BEGGE" }).success).toBe(false);
  });
});
