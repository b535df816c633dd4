import "server-only";
import type { CodesRecordedIn } from "@/domain/codes-recorded-in";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/generated/prisma/client";
import type { CareSetting, PathwayType, Role, UnitKind } from "@/generated/prisma/enums";
import { makeNationalId } from "@/domain/national-id";
import { addCalendarDays } from "@/domain/rules";
import { fromIsoDate, type IsoDate } from "@/lib/dates";
import { recomputeAllDerived, withinTransaction } from "@/server/pathways/derived";
import { currentRuleTables } from "@/server/rule-tables/load";
import { SETTING_TO_ENGINE } from "@/server/pathways/engine-input";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { pathwayStory, type StoryEvent } from "./pathway-story";
import { between, chance, mulberry32, pick, weighted, type Rng } from "./random";
import { DEMO_SCENARIOS, type DemoScenario } from "./scenarios";
import { seedReferralFlow } from "./referral-flow";
import { seedDemoClient } from "./demo-client";

export const DEMO_PASSWORD = "demo1234";
const DEMO_ADMIN_EMAIL = "admin@forlopsvakt.test";

interface UnitSpec {
  key: "dps" | "bup" | "tsb" | "dpsepj";
  code: string;
  name: string;
  kind: UnitKind;
  setting: CareSetting;
  types: [PathwayType, number][];
  patients: number;
  /** which system holds the unit's codes (default Forløpsvakt) */
  codesRecordedIn?: CodesRecordedIn;
}

const HEALTH_TRUST = "Fjordby HF (fiktivt)";
const UNITS: UnitSpec[] = [
  { key: "dps", code: "DPS-FJ", name: "Fjordby DPS, poliklinikk", kind: "DPS", setting: "POLIKLINIKK", types: [["D11", 1]], patients: 300 },
  { key: "bup", code: "BUP-FJ", name: "BUP Fjordby, poliklinikk", kind: "BUP", setting: "POLIKLINIKK", types: [["D12", 9], ["D08", 1]], patients: 260 },
  { key: "tsb", code: "TSB-FJ", name: "Fjordby TSB, poliklinikk", kind: "TSB", setting: "POLIKLINIKK", types: [["D01", 19], ["D09", 1]], patients: 220 },
  // the EPJ leads here, and no pathways yet: try `npm run import -- docs/epj-uttrekk-eksempel.csv --unit "Sjøvik DPS, poliklinikk"` or /import
  { key: "dpsepj", code: "DPS-SJ", name: "Sjøvik DPS, poliklinikk", kind: "DPS", setting: "POLIKLINIKK", types: [["D11", 1]], patients: 0, codesRecordedIn: "EPJ" },
];

const DEMO_USERS: { email: string; name: string; role: Role; units: UnitSpec["key"][] }[] = [
  { email: "koordinator@forlopsvakt.test", name: "Kari Koordinator", role: "COORDINATOR", units: ["dps"] },
  // the coordinator of the unit whose codes the EPJ holds: tries the import on docs/epj-uttrekk-eksempel.csv
  { email: "koordinator.epj@forlopsvakt.test", name: "Eva EPJ-koordinator", role: "COORDINATOR", units: ["dpsepj"] },
  { email: "behandler@forlopsvakt.test", name: "Bente Behandler", role: "CLINICIAN", units: ["dps"] },
  { email: "leder@forlopsvakt.test", name: "Lars Leder", role: "LEADER", units: ["dps", "bup", "tsb"] },
  { email: DEMO_ADMIN_EMAIL, name: "Anders Admin", role: "ADMIN", units: [] },
  { email: "personvern@forlopsvakt.test", name: "Pia Personvern", role: "PRIVACY_OFFICER", units: [] },
  { email: "behandler.bup@forlopsvakt.test", name: "Berit BUP-behandler", role: "CLINICIAN", units: ["bup"] },
  { email: "koordinator.bup@forlopsvakt.test", name: "Kjersti Koordinator", role: "COORDINATOR", units: ["bup"] },
  { email: "koordinator.tsb@forlopsvakt.test", name: "Tore Koordinator", role: "COORDINATOR", units: ["tsb"] },
  { email: "psykolog.dps@forlopsvakt.test", name: "Petter Psykolog", role: "CLINICIAN", units: ["dps"] },
  { email: "lege.dps@forlopsvakt.test", name: "Linn Lege", role: "CLINICIAN", units: ["dps"] },
  { email: "psykolog.bup@forlopsvakt.test", name: "Hedda Psykolog", role: "CLINICIAN", units: ["bup"] },
  { email: "behandler.tsb@forlopsvakt.test", name: "Trond Terapeut", role: "CLINICIAN", units: ["tsb"] },
  { email: "lege.tsb@forlopsvakt.test", name: "Sofie Spesialist", role: "CLINICIAN", units: ["tsb"] },
];

export async function isSeeded(db: PrismaClient): Promise<boolean> {
  return (await db.user.count({ where: { email: DEMO_ADMIN_EMAIL } })) > 0;
}

interface Rows {
  patients: { id: string; nationalId: string; name: string; birthDate: Date }[];
  referrals: { id: string; unitId: string; patientId: string; receivedDate: Date; referrerName: string; referrerHpr: string; assessedDate: Date | null; rightToCare: boolean | null }[];
  pathways: {
    id: string; type: PathwayType; setting: CareSetting; unitId: string; patientId: string; referralId: string;
    responsibleClinicianId: string | null; coordinatorId: string | null; openedDate: Date; severe: boolean;
  }[];
  events: { id: string; pathwayId: string; code: string; outcome: string | null; activityCode: string | null; clinicalDate: Date; recordedAt: Date; recordedById: string }[];
}

/**
 * A synthetic national id not in `used` (and then added to it): the usual one
 * for this seed, else the next free individual number, else the next day's.
 */
export function freeNationalId(birthDate: IsoDate, seed: number, used: Set<string>): { nationalId: string; birthDate: IsoDate; renumbered: boolean } {
  for (let day = 0; day < 366; day++) {
    const date = addCalendarDays(birthDate, day);
    // each valid individual number of the day, starting at the usual one
    for (let step = 0; step < 500; step++) {
      const id = makeNationalId(date, seed + step, { synthetic: true });
      if (!used.has(id)) {
        used.add(id);
        return { nationalId: id, birthDate: date, renumbered: day > 0 || step > 0 };
      }
    }
  }
  throw new Error(`No free synthetic national id near ${birthDate}`);
}

/** Loads the demo data for `today` in one transaction. Returns counts. */
export async function seedDemo(db: PrismaClient, today: IsoDate) {
  const rng = mulberry32(20261122);
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const unitIds = Object.fromEntries(UNITS.map((u) => [u.key, randomUUID()])) as Record<UnitSpec["key"], string>;
  const users = DEMO_USERS.map((u) => ({ ...u, id: randomUUID() }));
  const staff = (unit: UnitSpec["key"], role: Role) => users.filter((u) => u.role === role && u.units.includes(unit));
  const rows: Rows = { patients: [], referrals: [], pathways: [], events: [] };
  let idSeed = 0;
  // national ids are unique: a database filled by `npm run generate` may hold
  // the ids the demo would pick, and the whole seed used to fail on them
  const usedIds = new Set((await db.patient.findMany({ select: { nationalId: true } })).map((p) => p.nationalId));
  const existingPatients = usedIds.size;
  let renumbered = 0;

  const addPathway = (
    unit: UnitSpec, type: PathwayType, name: string, birthDate: string, referralReceived: IsoDate, events: StoryEvent[], clinicianId: string | null,
    /** an earlier pathway of a patient already added */
    existingPatientId?: string,
  ): string => {
    const patientId = existingPatientId ?? randomUUID();
    if (!existingPatientId) {
      const free = freeNationalId(birthDate, idSeed++ * 7, usedIds);
      if (free.renumbered) renumbered += 1;
      rows.patients.push({ id: patientId, nationalId: free.nationalId, name, birthDate: fromIsoDate(free.birthDate) });
    }
    const start = events.find((e) => e.code === "A")?.date ?? null;
    const referralId = randomUUID();
    rows.referrals.push({
      id: referralId, unitId: unitIds[unit.key], patientId, receivedDate: fromIsoDate(referralReceived),
      referrerName: `Fastlege ${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`, referrerHpr: String(between(rng, 1000000, 9999999)),
      assessedDate: start ? fromIsoDate(start) : null, rightToCare: start ? true : null,
    });
    const pathwayId = randomUUID();
    rows.pathways.push({
      id: pathwayId, type, setting: unit.setting, unitId: unitIds[unit.key], patientId, referralId,
      responsibleClinicianId: clinicianId, coordinatorId: staff(unit.key, "COORDINATOR")[0]?.id ?? null,
      openedDate: fromIsoDate(start ?? referralReceived), severe: type === "D08" && chance(rng, 0.3),
    });
    events.forEach((e, index) => {
      // Same-day events keep their story order through the recorded time.
      rows.events.push({
        id: randomUUID(), pathwayId, code: e.code, outcome: e.outcome ?? null, activityCode: null,
        clinicalDate: fromIsoDate(e.date), recordedAt: new Date(Date.parse(`${e.date}T12:00:00Z`) + index * 60_000),
        recordedById: clinicianId ?? users[0].id,
      });
    });
    return patientId;
  };

  const bente = users.find((u) => u.email === "behandler@forlopsvakt.test")!;
  const dps = UNITS[0];
  const dated = (events: DemoScenario["events"]) => events.map(({ offset, ...e }) => ({ ...e, date: addCalendarDays(today, offset) }));
  const addScenario = (s: DemoScenario) => {
    const patientId = addPathway(dps, s.type, s.patientName, s.birthDate, addCalendarDays(today, s.referralOffset), dated(s.events), bente.id);
    for (const e of s.earlier ?? []) {
      addPathway(dps, e.type, s.patientName, s.birthDate, addCalendarDays(today, e.referralOffset), dated(e.events), bente.id, patientId);
    }
  };
  // Scenarios with earlier pathways are added after the generated patients, so
  // that those keep their random draws and national ids (tests name them).
  for (const s of DEMO_SCENARIOS) if (!s.earlier) addScenario(s);

  for (const unit of UNITS) {
    const clinicians = [...staff(unit.key, "CLINICIAN")];
    for (let i = 0; i < unit.patients; i++) {
      const type = weighted(rng, unit.types);
      const story = pathwayStory(rng, type, SETTING_TO_ENGINE[unit.setting], today);
      const ageYears = unit.kind === "BUP" ? between(rng, 6, 17) : between(rng, 18, 75);
      const birthDate = addCalendarDays(today, -(ageYears * 365 + between(rng, 0, 364)));
      const name = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
      const clinician = chance(rng, 0.92) ? pick(rng, clinicians).id : null;
      addPathway(unit, type, name, birthDate, story.referralReceived, story.events, clinician);
    }
  }
  for (const s of DEMO_SCENARIOS) if (s.earlier) addScenario(s);

  await db.$transaction(
    async (tx) => {
      await tx.unit.createMany({
        data: UNITS.map((u) => ({ id: unitIds[u.key], code: u.code, name: u.name, kind: u.kind, setting: u.setting, healthTrust: HEALTH_TRUST, pathwayTypes: u.types.map(([t]) => t), codesRecordedIn: u.codesRecordedIn ?? "FORLOPSVAKT" })),
      });
      await tx.user.createMany({ data: users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, passwordHash })) });
      await tx.userUnit.createMany({ data: users.flatMap((u) => u.units.map((k) => ({ userId: u.id, unitId: unitIds[k] }))) });
      for (const [table, data] of [["patient", rows.patients], ["referral", rows.referrals], ["pathway", rows.pathways], ["pathwayEvent", rows.events]] as const) {
        for (let i = 0; i < data.length; i += 1000) {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          await (tx as any)[table].createMany({ data: data.slice(i, i + 1000) });
        }
      }
      await recomputeAllDerived(withinTransaction(tx), today, { batchSize: 200, tables: await currentRuleTables(tx) });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  await seedDemoClient(db, unitIds.dps, users.find((u) => u.email === DEMO_ADMIN_EMAIL)!.id);
  const member = (email: string) => {
    const u = users.find((x) => x.email === email)!;
    return { id: u.id, email: u.email, name: u.name, role: u.role, unitIds: u.units.map((k) => unitIds[k]) };
  };
  // the services use the process's shared client: this run's own when there is none
  const shared = globalThis as { forlopsvaktPrisma?: PrismaClient };
  const hadClient = shared.forlopsvaktPrisma !== undefined;
  shared.forlopsvaktPrisma ??= db;
  try {
    await seedReferralFlow(today, member("koordinator@forlopsvakt.test"), bente.id, member("koordinator.bup@forlopsvakt.test"));
  } finally {
    if (!hadClient) shared.forlopsvaktPrisma = undefined;
  }
  return {
    units: UNITS.length, users: users.length, patients: rows.patients.length, pathways: rows.pathways.length, events: rows.events.length,
    /** patients already in the database (not demo data) */
    existingPatients,
    /** demo patients given another national id than usual because theirs was taken */
    renumbered,
  };
}

export type { Rng };
