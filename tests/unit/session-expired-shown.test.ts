import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

// Issue 17 item 1 came back on the pages made after it: the server answers
// every action with an ended session as `session_expired` (action-client.ts),
// but a form that shows only `message` gives no way back (no login link to
// this page). Every client component that calls a server action, or fetches
// from the API, shows the link itself (SessionExpiredLink) or through one of
// the shared pieces below, and each shared piece shows it.

const SHARED = {
  FailureSummary: "src/features/referrals/fields.tsx",
  ResultMessage: "src/features/admin/form-parts.tsx",
  Status: "src/features/worklist/RowActions.tsx",
} as const;

// signing in is the answer to an ended session, not a victim of it
const EXEMPT = new Set(["src/features/login/LoginForm.tsx"]);

const clientFiles = execFileSync("git", ["ls-files", "src/features"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => f.endsWith(".tsx") && existsSync(f) && !EXEMPT.has(f))
  .filter((f) => readFileSync(f, "utf8").startsWith('"use client"'));

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join("src", spec.slice(2)) : spec.startsWith(".") ? join(dirname(from), spec) : null;
  if (!base) return null;
  return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((f) => existsSync(f)) ?? null;
}

/** Whether the file calls a "use server" module's export, or fetch (itself or through a helper module). */
function callsServer(file: string): boolean {
  const source = readFileSync(file, "utf8");
  if (/\bfetch\(/.test(source)) return true;
  return [...source.matchAll(/from "([^"]+)"/g)].some(([, spec]) => {
    const target = resolve(file, spec);
    if (!target) return false;
    const text = readFileSync(target, "utf8");
    return text.startsWith('"use server"') || (!text.startsWith('"use client"') && /\bfetch\(/.test(text));
  });
}

const callers = clientFiles.filter(callsServer);

describe("an ended session is said with a way back on every form", () => {
  it("finds the forms", () => {
    expect(callers).toContain("src/features/referrals/NewReferralForm.tsx");
    expect(callers).toContain("src/features/import/JobStatus.tsx");
    expect(callers.length).toBeGreaterThan(15);
  });

  it.each(Object.entries(SHARED))("the shared %s shows the login link", (_name, file) => {
    expect(readFileSync(file, "utf8")).toContain("<SessionExpiredLink");
  });

  it.each(callers)("%s shows the login link", (file) => {
    const source = readFileSync(file, "utf8");
    const pieces = ["<SessionExpiredLink", ...Object.keys(SHARED).map((name) => `<${name}`)];
    expect(pieces.some((p) => source.includes(p)), `${file} shows no SessionExpiredLink (nor FailureSummary, ResultMessage, Status)`).toBe(true);
  });
});
