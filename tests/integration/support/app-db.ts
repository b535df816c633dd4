import bcrypt from "bcryptjs";
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/domain/permissions";
import type { Actor } from "@/server/auth/current-user";
import { createTestDatabase } from "../../support/db";
import { makeNationalId } from "@/domain/national-id";

// Gives a test file its own migrated database and points the app's shared
// Prisma client (src/server/db.ts) at it. db() connects as the tables' owner,
// appUrl() is the URL of the app's own role there (see tests/support/db.ts).
export function useAppDatabase(): { db: () => PrismaClient; appUrl: () => Promise<string> } {
  let handle: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    (globalThis as { forlopsvaktPrisma?: PrismaClient }).forlopsvaktPrisma = handle.prisma;
  });
  afterAll(async () => {
    (globalThis as { forlopsvaktPrisma?: PrismaClient }).forlopsvaktPrisma = undefined;
    await handle?.drop();
  });
  const ready = () => {
    if (!handle) throw new Error("database not ready");
    return handle;
  };
  return { db: () => ready().prisma, appUrl: () => ready().appUrl() };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
const passwordHash = bcrypt.hashSync("demo1234", 4);

export async function makeUnit(db: PrismaClient, kind: "DPS" | "BUP" | "TSB" = "DPS") {
  return db.unit.create({
    data: {
      name: `${kind} testenhet ${unique()}`,
      kind,
      setting: "POLIKLINIKK",
      healthTrust: "Test HF",
      pathwayTypes: kind === "DPS" ? ["D11"] : kind === "BUP" ? ["D12", "D08"] : ["D01", "D09"],
    },
  });
}

export async function makeActor(db: PrismaClient, role: Role, unitIds: string[]): Promise<Actor> {
  const email = `${role.toLowerCase()}.${unique()}@test.invalid`;
  const user = await db.user.create({
    data: { email, name: `Test ${role}`, passwordHash, role, units: { create: unitIds.map((unitId) => ({ unitId })) } },
  });
  return { user: { id: user.id, email, name: user.name, role, unitIds }, meta: { ip: "10.0.0.1", userAgent: "vitest" } };
}

// One random start per file, then consecutive: distinct birth dates (and so
// distinct national ids) for the first 20 160 patients of a file.
let patientCounter = Math.floor(Math.random() * 10_000);

/** A patient with a distinct synthetic national id (one birth date per patient). */
async function makePatient(db: PrismaClient) {
  const n = patientCounter++;
  const pad = (x: number) => String(x).padStart(2, "0");
  const birthDate = `${1940 + (n % 60)}-${pad(1 + (Math.floor(n / 60) % 12))}-${pad(1 + (Math.floor(n / 720) % 28))}`;
  return db.patient.create({
    data: {
      nationalId: makeNationalId(birthDate, 17, { synthetic: true }),
      name: `Pasient ${unique()}`,
      birthDate: new Date(`${birthDate}T00:00:00Z`),
    },
  });
}

/** A D11 pathway with events given as [letter, outcome, date]. */
export async function makePathway(
  db: PrismaClient,
  unitId: string,
  recordedById: string,
  events: [string, string | null, string][] = [],
) {
  const patient = await makePatient(db);
  const referral = await db.referral.create({
    data: { unitId, patientId: patient.id, receivedDate: new Date("2026-09-01T00:00:00Z"), referrerName: "Fastlege Test" },
  });
  return db.pathway.create({
    data: {
      type: "D11",
      setting: "POLIKLINIKK",
      unitId,
      patientId: patient.id,
      referralId: referral.id,
      openedDate: new Date("2026-09-03T00:00:00Z"),
      events: {
        create: events.map(([code, outcome, date]) => ({
          code,
          outcome,
          clinicalDate: new Date(`${date}T00:00:00Z`),
          recordedById,
        })),
      },
    },
    include: { events: true },
  });
}
