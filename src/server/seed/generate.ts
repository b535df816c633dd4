import "server-only";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/generated/prisma/client";
import type { CareSetting, PathwayType, UnitKind } from "@/generated/prisma/enums";
import { makeNationalId } from "@/domain/national-id";
import { addCalendarDays } from "@/domain/rules";
import type { IsoDate } from "@/lib/dates";
import type { Tx } from "@/server/db";
import type { DeriveRow } from "@/server/pathways/derive-load";
import { deriveBatch } from "@/server/pathways/derived";
import { SETTING_TO_ENGINE } from "@/server/pathways/engine-input";
import { foldWorklistCounts } from "@/server/worklist/counts";
import { DEMO_PASSWORD } from "./demo";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { pathwayStory } from "./pathway-story";
import { timeOrderedIds } from "./time-ordered-id";
import { between, chance, mulberry32, pick, weighted, type Rng } from "./random";

// `npm run generate -- --pathways N`: a health region's synthetic data set,
// written straight into PostgreSQL in batches (one transaction each, one JSON
// parameter per table), derived data computed in-process by the rules engine.
// Two batches are in flight at once so that Node builds and evaluates one
// while PostgreSQL writes the other.

const KINDS: { kind: UnitKind; types: [PathwayType, number][]; ages: [number, number] }[] = [
  { kind: "DPS", types: [["D11", 90], ["D06", 6], ["D07", 4]], ages: [18, 80] },
  { kind: "BUP", types: [["D12", 85], ["D08", 5], ["D06", 5], ["D07", 5]], ages: [6, 17] },
  { kind: "TSB", types: [["D01", 95], ["D09", 5]], ages: [18, 75] },
];

export interface GenerateOptions {
  pathways: number;
  units?: number;
  seed?: number;
  batchSize?: number;
  /** how far back referrals reach */
  spanDays?: number;
  onBatch?: (done: number) => void;
}

interface UnitPlan {
  id: string;
  kind: (typeof KINDS)[number];
  setting: CareSetting;
  clinicianIds: string[];
  coordinatorId: string;
}

async function createUnitsAndStaff(db: PrismaClient, runId: string, unitCount: number, perUnit: number, rng: Rng): Promise<UnitPlan[]> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const plans: UnitPlan[] = [];
  const users: { id: string; email: string; name: string; role: "CLINICIAN" | "COORDINATOR" | "LEADER"; passwordHash: string }[] = [];
  const memberships: { userId: string; unitId: string }[] = [];
  const units = [];
  for (let u = 0; u < unitCount; u++) {
    const kind = KINDS[u % KINDS.length];
    const setting: CareSetting = chance(rng, 0.85) ? "POLIKLINIKK" : "DOGN";
    const id = randomUUID();
    units.push({ id, name: `${kind.kind} ${u + 1} (generert ${runId})`, kind: kind.kind, setting, healthTrust: "Generert HF", pathwayTypes: kind.types.map(([t]) => t) });
    const staff = (role: "CLINICIAN" | "COORDINATOR", n: number) =>
      Array.from({ length: n }, (_, i) => {
        const user = {
          id: randomUUID(),
          email: `${role === "CLINICIAN" ? "behandler" : "koordinator"}.${u + 1}.${i + 1}.${runId}@generert.test`,
          name: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`,
          role,
          passwordHash,
        };
        users.push(user);
        memberships.push({ userId: user.id, unitId: id });
        return user.id;
      });
    // about one clinician per 150 pathways, as in an outpatient clinic
    plans.push({ id, kind, setting, clinicianIds: staff("CLINICIAN", Math.max(2, Math.ceil(perUnit / 150))), coordinatorId: staff("COORDINATOR", 1)[0] });
  }
  const leader = { id: randomUUID(), email: `leder.${runId}@generert.test`, name: "Generert Leder", role: "LEADER" as const, passwordHash };
  users.push(leader);
  memberships.push(...units.map((u) => ({ userId: leader.id, unitId: u.id })));
  await db.unit.createMany({ data: units });
  await db.user.createMany({ data: users });
  await db.userUnit.createMany({ data: memberships });
  return plans;
}

interface Batch {
  patients: { id: string; nationalId: string; name: string; birthDate: IsoDate }[];
  referrals: { id: string; unitId: string; patientId: string; receivedDate: IsoDate; referrerName: string; assessedDate: IsoDate | null }[];
  pathways: DeriveRow[];
  pathwayExtra: { referralId: string; coordinatorId: string }[];
  events: { id: string; pathwayId: string; code: string; outcome: string | null; activityCode: string | null; date: IsoDate; recordedAt: string; recordedById: string }[];
}

export async function generateDataSet(db: PrismaClient, today: IsoDate, options: GenerateOptions) {
  const rng = mulberry32(options.seed ?? 3);
  const runId = Date.now().toString(36);
  const unitCount = options.units ?? Math.max(3, Math.round(options.pathways / 20_000));
  const plans = await createUnitsAndStaff(db, runId, unitCount, Math.ceil(options.pathways / unitCount), rng);
  // national ids are unique: avoid those already stored (demo data, earlier runs)
  const usedIds = new Set((await db.patient.findMany({ select: { nationalId: true } })).map((p) => p.nationalId));
  const batchSize = options.batchSize ?? 5000;
  const newId = timeOrderedIds();
  let done = 0;
  let events = 0;
  let written = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;

  const nationalId = (birthDate: IsoDate) => {
    for (;;) {
      const id = makeNationalId(birthDate, between(rng, 0, 100_000), { synthetic: true });
      if (!usedIds.has(id)) return usedIds.add(id), id;
      birthDate = addCalendarDays(birthDate, 1);
    }
  };

  while (done < options.pathways) {
    const size = Math.min(batchSize, options.pathways - done);
    const batch: Batch = { patients: [], referrals: [], pathways: [], pathwayExtra: [], events: [] };
    for (let i = 0; i < size; i++) {
      const unit = plans[(done + i) % plans.length];
      const type = weighted(rng, unit.kind.types);
      const story = pathwayStory(rng, type, SETTING_TO_ENGINE[unit.setting], today, options.spanDays ?? 1095);
      const birthDate = addCalendarDays(story.referralReceived, -(between(rng, ...unit.kind.ages) * 365 + between(rng, 0, 364)));
      const patientId = newId();
      batch.patients.push({ id: patientId, nationalId: nationalId(birthDate), name: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`, birthDate });
      const start = story.events.find((e) => e.code === "A")?.date ?? null;
      const referralId = newId();
      batch.referrals.push({ id: referralId, unitId: unit.id, patientId, receivedDate: story.referralReceived, referrerName: `Fastlege ${pick(rng, LAST_NAMES)}`, assessedDate: start });
      const pathwayId = newId();
      const clinician = chance(rng, 0.95) ? pick(rng, unit.clinicianIds) : null;
      const pathwayEvents = story.events.map((e, index) => ({
        id: newId(),
        pathwayId,
        code: e.code,
        outcome: e.outcome ?? null,
        activityCode: null,
        date: e.date,
        // same-day events keep their story order through the recorded time
        recordedAt: new Date(Date.parse(`${e.date}T12:00:00Z`) + index * 60_000).toISOString(),
        recordedById: clinician ?? unit.coordinatorId,
      }));
      batch.events.push(...pathwayEvents);
      batch.pathways.push({
        id: pathwayId, type, setting: unit.setting, unitId: unit.id, patientId, responsibleClinicianId: clinician,
        openedOn: start ?? story.referralReceived, closedOn: null, status: "OPEN",
        input: {
          id: pathwayId, type, setting: SETTING_TO_ENGINE[unit.setting], referralReceived: story.referralReceived,
          directTreatmentRight: false, severe: false,
          events: pathwayEvents.map((e) => ({ id: e.id, code: e.code, outcome: e.outcome, activityCode: e.activityCode, date: e.date, recordedAt: e.recordedAt, annulled: false })),
        },
        recordedBy: Object.fromEntries(pathwayEvents.map((e) => [e.id, e.recordedById])),
      });
      batch.pathwayExtra.push({ referralId, coordinatorId: unit.coordinatorId });
    }
    done += size;
    events += batch.events.length;
    const write = db
      .$transaction(async (tx) => {
        // maxWait: on a loaded machine the second batch in flight waited over Prisma's 2 s for a connection and failed the run
        // synthetic data: a crash may lose the last batches, no need to wait for the WAL flush
        await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
        await insertBatch(tx, batch);
        await deriveBatch(tx, batch.pathways, today);
      }, { timeout: 300_000, maxWait: 60_000 })
      .then(
        () => options.onBatch?.((written += size)),
        (error: unknown) => void (failure ??= error),
      )
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= 2) await Promise.race(inFlight);
    if (failure) break;
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  // fresh statistics: without them the planner chose 400 ms plans for 7 ms
  // queries until autovacuum got round to the new rows. VACUUM too: deriving
  // updated every new pathway row once, leaving as many dead rows behind, and
  // index-only scans need the visibility map (event registration at 20 users
  // 72–76 → 97–105 req/s after it, same data and host).
  await foldWorklistCounts(db, today);
  await db.$executeRaw`VACUUM (ANALYZE)`;
  return { runId, units: unitCount, pathways: done, events };
}

async function insertBatch(tx: Tx, b: Batch) {
  // one JSON parameter per table (see derive-write.ts)
  const pathways = b.pathways.map((p, i) => ({
    id: p.id, type: p.type, setting: p.setting, unitId: p.unitId, patientId: p.patientId, referralId: b.pathwayExtra[i].referralId,
    clinician: p.responsibleClinicianId, coordinator: b.pathwayExtra[i].coordinatorId, opened: p.openedOn,
  }));
  await tx.$executeRaw`
    INSERT INTO "Patient" ("id", "nationalId", "name", "birthDate")
    SELECT v."id", v."nationalId", v."name", v."birthDate"
    FROM json_to_recordset(${JSON.stringify(b.patients)}::json) AS v("id" text, "nationalId" text, "name" text, "birthDate" date)`;
  await tx.$executeRaw`
    INSERT INTO "Referral" ("id", "unitId", "patientId", "receivedDate", "referrerName", "assessedDate", "rightToCare")
    SELECT v."id", v."unitId", v."patientId", v."receivedDate", v."referrerName", v."assessedDate", CASE WHEN v."assessedDate" IS NULL THEN NULL ELSE TRUE END
    FROM json_to_recordset(${JSON.stringify(b.referrals)}::json)
      AS v("id" text, "unitId" text, "patientId" text, "receivedDate" date, "referrerName" text, "assessedDate" date)`;
  await tx.$executeRaw`
    INSERT INTO "Pathway" ("id", "type", "setting", "unitId", "patientId", "referralId", "responsibleClinicianId", "coordinatorId", "openedDate", "updatedAt")
    SELECT v."id", v."type"::"PathwayType", v."setting"::"CareSetting", v."unitId", v."patientId", v."referralId", v."clinician", v."coordinator", v."opened", now()
    FROM json_to_recordset(${JSON.stringify(pathways)}::json) AS v("id" text, "type" text, "setting" text, "unitId" text,
      "patientId" text, "referralId" text, "clinician" text, "coordinator" text, "opened" date)`;
  await tx.$executeRaw`
    INSERT INTO "PathwayEvent" ("id", "pathwayId", "code", "outcome", "activityCode", "clinicalDate", "recordedAt", "recordedById")
    SELECT v."id", v."pathwayId", v."code", v."outcome", v."activityCode", v."date", v."recordedAt", v."recordedById"
    FROM json_to_recordset(${JSON.stringify(b.events)}::json) AS v("id" text, "pathwayId" text, "code" text, "outcome" text,
      "activityCode" text, "date" date, "recordedAt" timestamptz, "recordedById" text)`;
}
