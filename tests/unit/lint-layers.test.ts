import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs, run on snippets placed where they
// would live: each forbidden import must be reported, so a rule that stops
// matching (a renamed folder, a broken pattern) fails here, not silently in
// `npm test`'s lint stage. Allowed imports must pass, so the rules do not
// just refuse everything.

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("layer rules", { timeout: 60_000 }, () => {
  it.each([
    ["src/domain/probe.ts", 'import { prisma } from "@/server/db";\nexport const p = prisma;', "no-restricted-imports"],
    ["src/domain/rules/probe.ts", 'import { prisma } from "../../server/db";\nexport const p = prisma;', "no-restricted-imports"],
    ["src/domain/probe.ts", 'import { WorklistPage } from "@/features/worklist/WorklistPage";\nexport const p = WorklistPage;', "no-restricted-imports"],
    ["src/domain/probe.ts", 'import { readFileSync } from "node:fs";\nexport const p = readFileSync;', "no-restricted-imports"],
    ["src/domain/probe.ts", 'import pg from "pg";\nexport const p = pg;', "no-restricted-imports"],
    ["src/domain/probe.ts", "export const today = () => new Date();", "no-restricted-syntax"],
    ["src/domain/probe.ts", "export const now = () => Date.now();", "no-restricted-syntax"],
    ["src/server/probe.ts", 'import { WorklistPage } from "@/features/worklist/WorklistPage";\nexport const p = WorklistPage;', "no-restricted-imports"],
    ["src/server/auth/probe.ts", 'import { GET } from "../../../app/api/health/route";\nexport const p = GET;', "no-restricted-imports"],
    ["src/features/probe.ts", 'import { prisma } from "@/server/db";\nexport const p = prisma;', "no-restricted-imports"],
    ["src/features/probe.ts", 'import type { Role } from "@/generated/prisma/enums";\nexport type R = Role;', "no-restricted-imports"],
    ["src/lib/probe.ts", 'import { today } from "@/server/clock";\nexport const p = today;', "no-restricted-imports"],
    ["app/probe/page.tsx", 'import { HOME_BY_ROLE } from "@/domain/permissions";\nexport const p = HOME_BY_ROLE;', "no-restricted-imports"],
    ["app/probe/route.ts", 'import { prisma } from "@/server/db";\nexport const p = prisma;', "no-restricted-imports"],
    ["app/probe/route.ts", 'import { PrismaClient } from "@prisma/client";\nexport const p = PrismaClient;', "no-restricted-imports"],
  ])("%s: %s is refused", async (file, code, rule) => {
    expect((await problems(file, code)).some((p) => p.startsWith(`${rule}:`))).toBe(true);
  });

  it.each([
    ["src/domain/probe.ts", 'import { addDays } from "@/lib/dates";\nimport { DEADLINE_LABELS } from "@/domain/rules";\nexport const p = [addDays, DEADLINE_LABELS];'],
    ["src/server/probe.ts", 'import { prisma } from "@/server/db";\nimport { HOME_BY_ROLE } from "@/domain/permissions";\nexport const p = [prisma, HOME_BY_ROLE];'],
    ["src/features/probe.ts", 'import { requirePage } from "@/server/auth/guard";\nimport { addDays } from "@/lib/dates";\nexport const p = [requirePage, addDays];'],
    ["app/probe/route.ts", 'import { health } from "@/server/health";\nimport { HomePage } from "@/features/shell/HomePage";\nexport const p = [health, HomePage];'],
  ])("%s: allowed imports pass", async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
