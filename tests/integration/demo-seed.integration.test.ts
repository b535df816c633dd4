import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import { freeNationalId } from "@/server/seed/demo";
import { generateDataSet } from "@/server/seed/generate";
import { DEMO_SCENARIOS } from "@/server/seed/scenarios";
import { useAppDatabase } from "./support/app-db";
import { demoClientToken } from "@/lib/machine-token.mjs";
import { demoClientTokenForSeed } from "@/server/seed/demo-client";

// `npm start` on a database filled by `npm run generate` stopped with a
// unique-constraint error: the demo seed picked national ids the generated
// patients already had. The seed (prisma/seed.ts, which `npm start` runs) now
// gives its patients ids not in use, and says what it did.
const TODAY = "2026-11-22";
const DEV_SECRET = "demo-seed-test-secret";
const { db, appUrl } = useAppDatabase();

describe("the demo seed on a database that already holds patients", () => {
  it("loads, gives the demo patients free national ids, and says so", { timeout: 300_000 }, async () => {
    await generateDataSet(db(), TODAY, { pathways: 60, units: 3, batchSize: 60, seed: 5 });
    // the national ids the demo's first patients would get (seed 0, 7, 14 …), already taken
    const taken = DEMO_SCENARIOS.slice(0, 3).map((s, i) => makeNationalId(s.birthDate, i * 7, { synthetic: true }));
    for (const [i, nationalId] of taken.entries()) {
      await db().patient.create({ data: { nationalId, name: `Generert Pasient ${i}`, birthDate: new Date("1980-01-01T00:00:00Z") } });
    }
    const before = await db().patient.count();

    const { stdout } = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
      env: { ...process.env, DATABASE_URL: await appUrl(), FORLOPSVAKT_TODAY: TODAY, NODE_ENV: "development", AUTH_SECRET: DEV_SECRET },
      timeout: 120_000,
    });
    expect(stdout).toMatch(/Demodata lastet/);
    expect(stdout).toContain(`Databasen hadde fra før ${before} pasienter som ikke er demodata`);
    expect(stdout).toMatch(/[1-9]\d* demopasienter fikk et annet syntetisk fødselsnummer/);
    expect(await db().user.count({ where: { email: "koordinator@forlopsvakt.test" } })).toBe(1);
    // one demo machine client for the DPS unit, its token the one `npm start` prints in development
    const clients = await db().machineClient.findMany({ include: { units: { include: { unit: true } } } });
    expect(clients).toHaveLength(1);
    expect(clients[0].tokenHash).toBe(demoClientToken(DEV_SECRET).tokenHash);
    expect(clients[0].scopes.sort()).toEqual(["events:write", "pathways:read"]);
    expect(clients[0].units.map((u) => u.unit.kind)).toEqual(["DPS"]);
    // the generated patients are untouched
    expect(await db().patient.count({ where: { nationalId: { in: taken }, name: { startsWith: "Generert Pasient" } } })).toBe(3);

    // run again (a restart): nothing more is loaded
    const again = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
      env: { ...process.env, DATABASE_URL: await appUrl(), FORLOPSVAKT_TODAY: TODAY, NODE_ENV: "development" },
      timeout: 120_000,
    });
    expect(again.stdout).toMatch(/finnes allerede/);
  });

  it("gives the demo machine client a token nobody knows in production, the AUTH_SECRET-derived one elsewhere", () => {
    try {
      vi.stubEnv("AUTH_SECRET", DEV_SECRET);
      vi.stubEnv("NODE_ENV", "development");
      expect(demoClientTokenForSeed().token).toBe(demoClientToken(DEV_SECRET).token);
      vi.stubEnv("NODE_ENV", "production");
      const production = demoClientTokenForSeed();
      expect(production.token).not.toBe(demoClientToken(DEV_SECRET).token);
      expect(demoClientTokenForSeed().token).not.toBe(production.token);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("picks the usual id when it is free, the next free individual number when not", () => {
    const used = new Set<string>();
    const usual = makeNationalId("1984-04-12", 0, { synthetic: true });
    expect(freeNationalId("1984-04-12", 0, used)).toEqual({ nationalId: usual, birthDate: "1984-04-12", renumbered: false });
    const next = freeNationalId("1984-04-12", 0, used);
    expect(next.nationalId).not.toBe(usual);
    expect(next).toMatchObject({ birthDate: "1984-04-12", renumbered: true });
    expect(used.size).toBe(2);
  });
});
