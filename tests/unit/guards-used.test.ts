import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "@/domain/permissions";

// A permission that no page, action or route checks guards nothing, and an
// audit action that nothing writes only suggests an audit trail that is not
// there. Both were found in a review (admin.units, admin.rules;
// PATIENT_VIEWED, PATHWAY_UPDATED, REFERRAL_CREATED): this keeps them out.

const sources = execFileSync("git", ["ls-files", "src", "app"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx)$/.test(f) && !f.startsWith("src/generated/") && f !== "src/domain/permissions.ts")
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");

const auditActions = (() => {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const body = /enum AuditAction \{([^}]*)\}/.exec(schema)![1];
  return body.split("\n").map((l) => l.trim()).filter((l) => /^[A-Z_]+$/.test(l));
})();

describe("nothing declared for nothing", () => {
  it.each(ACTIONS)("the permission %s is checked somewhere", (action) => {
    expect(sources.includes(`"${action}"`), `no page, action or route checks "${action}"`).toBe(true);
  });

  it("the schema's audit actions were read", () => {
    expect(auditActions).toContain("LOGIN_SUCCEEDED");
    expect(auditActions).toContain("ACCESS_DENIED");
  });

  // written through Prisma ("ACTION") or in SQL ('ACTION'::"AuditAction")
  it.each(auditActions)("the audit action %s is written somewhere", (action) => {
    expect(sources.includes(`"${action}"`) || sources.includes(`'${action}'::"AuditAction"`), `nothing writes ${action}`).toBe(true);
  });
});
