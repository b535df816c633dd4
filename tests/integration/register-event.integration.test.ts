import { describe, expect, it } from "vitest";
import { previewRegistration, registerEvent, JustificationRequired } from "@/server/events/register";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { PermissionDenied } from "@/server/auth/assert";
import { pgPool } from "@/server/db";
import { withConnection } from "@/server/connection";
import { recomputeAllDerived, recomputeDerived } from "@/server/pathways/derived";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// The pathway fixture: referral received 2026-09-01, D11 poliklinikk.
const TODAY = "2026-11-22";
const { db } = useAppDatabase();

async function setup(events: [string, string | null, string][] = [["A", null, "2026-09-03"]]) {
  const unit = await makeUnit(db());
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const pathway = await makePathway(db(), unit.id, clinician.user.id, events);
  return { unit, clinician, pathway };
}

async function eventCount(pathwayId: string) {
  return db().pathwayEvent.count({ where: { pathwayId } });
}

describe("registering a code: hard errors store nothing", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["malformed date", { code: "M", date: "2026-02-30" }, "date", "Datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."],
    ["missing date", { code: "M" }, "date", "Dato mangler."],
    ["missing code", { code: "", date: "2026-10-01" }, "code", "Velg en kode."],
    ["wrong type", { code: 42, date: "2026-10-01" }, "code", "Velg en kode."],
    ["date in the future", { code: "M", date: "2026-11-23" }, "date", "Datoen kan ikke være i fremtiden."],
    ["date before the referral", { code: "M", date: "2026-08-31" }, "date", "Datoen kan ikke være før henvisningen ble mottatt (01.09.2026)."],
  ];
  for (const [name, input, field, message] of cases) {
    it(`refuses ${name}`, async () => {
      const { clinician, pathway } = await setup();
      const error = await registerEvent(clinician, pathway.id, input as never, TODAY).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors[field]).toContain(message);
      expect(await eventCount(pathway.id)).toBe(1);
    });
  }

  it("refuses an unknown code, an unknown outcome and a code of another pathway type", async () => {
    const { clinician, pathway } = await setup();
    for (const input of [
      { code: "Q", date: "2026-10-01" },
      { code: "C", outcome: "Z", date: "2026-10-01" },
      { code: "D12M", date: "2026-10-01" },
      { code: "R", date: "2026-10-01" }, // avrusning avsluttet: D01/D09 only
    ]) {
      const error = await registerEvent(clinician, pathway.id, input, TODAY).catch((e) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(ValidationError);
    }
    expect(await eventCount(pathway.id)).toBe(1);
  });

  it("refuses a clinical decision without an outcome", async () => {
    const { clinician, pathway } = await setup([["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);
    const error = await registerEvent(clinician, pathway.id, { code: "C", date: "2026-10-01" }, TODAY).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["outcome"]);
    expect(await eventCount(pathway.id)).toBe(2);
  });

  it("refuses events on a closed pathway", async () => {
    const { clinician, pathway } = await setup([
      ["A", null, "2026-09-03"],
      ["M", null, "2026-09-10"],
      ["C", "K", "2026-10-01"],
      ["X", "K", "2026-10-02"],
    ]);
    await db().pathway.update({ where: { id: pathway.id }, data: { status: "CLOSED" } });
    await expect(registerEvent(clinician, pathway.id, { code: "F", date: "2026-10-05" }, TODAY)).rejects.toBeInstanceOf(ConflictError);
    expect(await eventCount(pathway.id)).toBe(4);
  });

  it("answers not found for a pathway of another unit, and refuses leaders", async () => {
    const { pathway } = await setup();
    const other = await makeUnit(db(), "TSB");
    const outsider = await makeActor(db(), "COORDINATOR", [other.id]);
    await expect(registerEvent(outsider, pathway.id, { code: "M", date: "2026-10-01" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const leader = await makeActor(db(), "LEADER", [pathway.unitId]);
    await expect(registerEvent(leader, pathway.id, { code: "M", date: "2026-10-01" }, TODAY)).rejects.toBeInstanceOf(PermissionDenied);
    expect(await eventCount(pathway.id)).toBe(1);
  });
});

describe("registering a code: saves, warnings and justification", () => {
  it("stores M, writes the derived columns and an audit row in one step", async () => {
    const { clinician, pathway } = await setup();
    const result = await registerEvent(clinician, pathway.id, { code: "M", date: "2026-10-01" }, TODAY);
    expect(result.duplicate).toBe(false);
    expect(result.evaluation.phase).toBe("basis_assessment");
    const stored = await db().pathway.findUniqueOrThrow({ where: { id: pathway.id } });
    expect(stored).toMatchObject({ phase: "basis_assessment", nextDeadlineKind: "basis_assessment" });
    expect(stored.nextDeadlineDue?.toISOString().slice(0, 10)).toBe("2026-11-12"); // 1 Oct + 42 days
    const audit = await db().auditEvent.findMany({ where: { pathwayId: pathway.id, action: "EVENT_CREATED" } });
    expect(audit).toHaveLength(1);
  });

  it("accepts the concatenated procedure code D11CU and stores letter and outcome", async () => {
    const { clinician, pathway } = await setup([["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);
    const result = await registerEvent(clinician, pathway.id, { code: "d11cu", date: "2026-10-01" }, TODAY);
    expect(result.event).toMatchObject({ code: "C", outcome: "U" });
  });

  it("asks for a justification for C without M, then stores it with the warning", async () => {
    const { clinician, pathway } = await setup();
    const error = await registerEvent(clinician, pathway.id, { code: "C", outcome: "P", date: "2026-10-01" }, TODAY).catch((e) => e);
    expect(error).toBeInstanceOf(JustificationRequired);
    expect((error as JustificationRequired).warnings.map((w) => w.id)).toContain("C_WITHOUT_M");
    expect(await eventCount(pathway.id)).toBe(1);

    const saved = await registerEvent(
      clinician,
      pathway.id,
      { code: "C", outcome: "P", date: "2026-10-01", justification: "Første samtale ble ikke kodet i DIPS" },
      TODAY,
    );
    expect(saved.warnings.map((w) => w.id)).toContain("C_WITHOUT_M");
    const stored = await db().pathwayEvent.findUniqueOrThrow({ where: { id: saved.event.id } });
    expect(stored.justification).toBe("Første samtale ble ikke kodet i DIPS");
  });

  it("asks for a justification when the code closes a deadline late (day 43 of 42)", async () => {
    const { clinician, pathway } = await setup([["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);
    const late = { code: "C", outcome: "P", date: "2026-10-23" }; // 10 Sep + 43 days
    await expect(registerEvent(clinician, pathway.id, late, TODAY)).rejects.toBeInstanceOf(JustificationRequired);
    const onTime = await registerEvent(clinician, pathway.id, { code: "C", outcome: "P", date: "2026-10-22" }, TODAY);
    expect(onTime.warnings).toEqual([]);
  });
});

describe("cautions before saving (issue 17): warned, never refused", () => {
  it("warns before a second A in the preview, asks no justification, and the A can be saved", async () => {
    const { clinician, pathway } = await setup([["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);
    const check = await previewRegistration(clinician, pathway.id, { code: "A", date: "2026-11-20" }, TODAY);
    expect(check.cautions).toEqual([
      { id: "SECOND_START", message: "Forløpet har allerede start pakkeforløp (A) 03.09.2026. En ny henvisning skal normalt ha et nytt forløp." },
    ]);
    expect(check.needsJustification).toBe(false);
    await registerEvent(clinician, pathway.id, { code: "A", date: "2026-11-20" }, TODAY);
    expect(await eventCount(pathway.id)).toBe(3);
  });
  it("warns before X in the middle of the basis assessment and before the same code twice on one day", async () => {
    const { clinician, pathway } = await setup([["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["L", null, "2026-11-20"]]);
    const closing = await previewRegistration(clinician, pathway.id, { code: "D11XK", date: "2026-11-20" }, TODAY);
    expect(closing.cautions.map((c) => c.id)).toEqual(["CLOSING_DURING_ASSESSMENT"]);
    const again = await previewRegistration(clinician, pathway.id, { code: "L", date: "2026-11-20" }, TODAY);
    expect(again.cautions.map((c) => c.message)).toEqual(["Koden L er allerede registrert 20.11.2026. Kontroller at den ikke registreres to ganger."]);
  });
});

describe("double submit", () => {
  it("stores one event for a repeated idempotency key", async () => {
    const { clinician, pathway } = await setup();
    const input = { code: "M", date: "2026-10-01", idempotencyKey: "key-0123456789" };
    const first = await registerEvent(clinician, pathway.id, input, TODAY);
    const second = await registerEvent(clinician, pathway.id, input, TODAY);
    expect(second.duplicate).toBe(true);
    expect(second.event.id).toBe(first.event.id);
    expect(await eventCount(pathway.id)).toBe(2);
  });

  it("stores one event for parallel submissions with one key", async () => {
    const { clinician, pathway } = await setup();
    const input = { code: "M", date: "2026-10-01", idempotencyKey: "parallel-key-42" };
    const results = await Promise.all(Array.from({ length: 10 }, () => registerEvent(clinician, pathway.id, input, TODAY)));
    expect(new Set(results.map((r) => r.event.id)).size).toBe(1);
    expect(await eventCount(pathway.id)).toBe(2);
  });

  it("stores one event for the same code, outcome and date by the same user within a minute", async () => {
    const { clinician, pathway } = await setup();
    await registerEvent(clinician, pathway.id, { code: "M", date: "2026-10-01" }, TODAY);
    const again = await registerEvent(clinician, pathway.id, { code: "M", date: "2026-10-01" }, TODAY);
    expect(again.duplicate).toBe(true);
    expect(await eventCount(pathway.id)).toBe(2);
  });
});

describe("distinct events are never taken for a double submit", () => {
  it("stores U with one activity code and then U with another (the activity code differs)", async () => {
    const { clinician, pathway } = await setup([["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);
    const first = await registerEvent(clinician, pathway.id, { code: "U", activityCode: "BP", date: "2026-10-01" }, TODAY);
    const second = await registerEvent(clinician, pathway.id, { code: "U", activityCode: "IB", date: "2026-10-01" }, TODAY);
    expect([first.duplicate, second.duplicate]).toEqual([false, false]);
    const stored = await db().pathwayEvent.findMany({ where: { pathwayId: pathway.id, code: "U" }, orderBy: { recordedAt: "asc" } });
    // U's activity is its outcome (issue 14); the old field is read as it
    expect(stored.map((e) => [e.activityCode, e.outcome])).toEqual([["BP", "BP"], ["IB", "IB"]]);
  });

  it("stores the same code twice when the justification differs", async () => {
    const { clinician, pathway } = await setup();
    const input = { code: "L", date: "2026-09-20" };
    await registerEvent(clinician, pathway.id, { ...input, justification: "Pasienten ba om utsettelse" }, TODAY);
    const second = await registerEvent(clinician, pathway.id, { ...input, justification: "Ny utsettelse etter telefon" }, TODAY);
    expect(second.duplicate).toBe(false);
    expect(await eventCount(pathway.id)).toBe(3);
  });

  it("with an idempotency key the key alone decides: a new key is a new event, even with the same fields", async () => {
    const { clinician, pathway } = await setup();
    const input = { code: "L", date: "2026-09-20", justification: "Pasienten ba om utsettelse" };
    await registerEvent(clinician, pathway.id, { ...input, idempotencyKey: "first-key-0001" }, TODAY);
    const second = await registerEvent(clinician, pathway.id, { ...input, idempotencyKey: "second-key-0002" }, TODAY);
    expect(second.duplicate).toBe(false);
    expect(await eventCount(pathway.id)).toBe(3);
  });

  it("50 parallel submissions with distinct keys store 50 events, and their repeats store none", async () => {
    const { clinician, pathway } = await setup();
    const input = (i: number) => ({ code: "L", date: "2026-09-20", justification: "Utsatt etter ønske", idempotencyKey: `distinct-key-${String(i).padStart(3, "0")}` });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => registerEvent(clinician, pathway.id, input(i), TODAY)));
    expect(results.filter((r) => r.duplicate)).toHaveLength(0);
    expect(new Set(results.map((r) => r.event.id)).size).toBe(50);
    expect(await eventCount(pathway.id)).toBe(51);
    const repeats = await Promise.all(Array.from({ length: 50 }, (_, i) => registerEvent(clinician, pathway.id, input(i), TODAY)));
    expect(repeats.map((r) => r.event.id).sort()).toEqual(results.map((r) => r.event.id).sort());
    expect(await eventCount(pathway.id)).toBe(51);
  });
});

describe("registrations at the same time on one pathway", () => {
  const derivedColumns = (id: string) =>
    db().pathway.findUniqueOrThrow({
      where: { id },
      select: { phase: true, status: true, nextDeadlineKind: true, nextDeadlineDue: true, noticeCount: true, lastEventDate: true },
    });

  it("two at once: the later one sees the first, so the derived data know both events", async () => {
    const { clinician, pathway } = await setup();
    // first attendance and a patient-requested delay, sent together
    await Promise.all([
      registerEvent(clinician, pathway.id, { code: "M", date: "2026-09-10" }, TODAY),
      registerEvent(clinician, pathway.id, { code: "L", date: "2026-09-20", justification: "Pasienten ba om utsettelse" }, TODAY),
    ]);
    const stored = await derivedColumns(pathway.id);
    expect(stored.phase).toBe("basis_assessment");
    expect(stored.lastEventDate?.toISOString().slice(0, 10)).toBe("2026-09-20");
    await db().$transaction((tx) => recomputeDerived(tx, pathway.id, TODAY));
    expect(await derivedColumns(pathway.id)).toEqual(stored);
  });

  it("the nightly recompute waits for a change in progress instead of overwriting it with an older verdict", async () => {
    const { clinician, pathway } = await setup();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // a change that holds the pathway's lock while it writes an event
    const change = db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Pathway" WHERE "id" = ${pathway.id} FOR NO KEY UPDATE`;
      await tx.$executeRaw`
        INSERT INTO "PathwayEvent" ("id", "pathwayId", "code", "clinicalDate", "recordedById")
        VALUES (gen_random_uuid()::text, ${pathway.id}, 'M', '2026-09-10'::date, ${clinician.user.id})`;
      locked();
      await held;
    });
    await lockTaken;
    const recompute = withConnection(pgPool(db()), (connection) => recomputeAllDerived(connection, TODAY));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([change, recompute]);
    expect((await derivedColumns(pathway.id)).phase).toBe("basis_assessment");
  });
});

// Issue 14: C, H, S, U and X carry an outcome. The page's form refuses a
// missing one before saving (clinician-coding.spec.ts); the service behind the
// form's action and POST /api/v1/pathways/{id}/events refuses it too.
describe("the events that carry an outcome (issue 14)", () => {
  const treated: [string, string | null, string][] = [["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "P", "2026-10-01"]];

  it.each([
    ["X", "Avslutning av pakkeforløp krever et utfall."],
    ["D11X", "Avslutning av pakkeforløp krever et utfall."],
    ["S", "Samarbeidsmøte med relevante instanser krever et utfall."],
    ["H", "Hjelpebehov ved avslutning krever et utfall."],
    ["U", "Utført aktivitet krever en aktivitet."],
  ])("refuses %s without an outcome, storing nothing", async (code, message) => {
    const { clinician, pathway } = await setup(treated);
    const error = await registerEvent(clinician, pathway.id, { code, date: "2026-10-05", justification: "test" }, TODAY).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ outcome: [message] });
    expect(await eventCount(pathway.id)).toBe(3);
  });

  it("an X with an outcome, typed whole (D11X1) or with its own outcome, closes the pathway", async () => {
    for (const input of [{ code: "D11X1" }, { code: "X", outcome: "k" }]) {
      const { clinician, pathway } = await setup(treated);
      const result = await registerEvent(clinician, pathway.id, { ...input, date: "2026-10-05", justification: "test" }, TODAY);
      expect(result.event).toMatchObject({ code: "X", outcome: input.code === "X" ? "K" : "1" });
      const stored = await db().pathway.findUniqueOrThrow({ where: { id: pathway.id }, select: { phase: true, status: true } });
      expect(stored).toEqual({ phase: "closed", status: "CLOSED" });
    }
  });

  it("U's activity is its outcome: stored as the outcome; an activity code on another letter is refused", async () => {
    const { clinician, pathway } = await setup(treated);
    const result = await registerEvent(clinician, pathway.id, { code: "D11U", outcome: "tv", date: "2026-10-05" }, TODAY);
    expect(result.event).toMatchObject({ code: "U", outcome: "TV" });
    const error = await registerEvent(clinician, pathway.id, { code: "X", outcome: "1", activityCode: "BP", date: "2026-10-06", justification: "test" }, TODAY).catch((e) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ activityCode: ["Aktivitetskode brukes bare for utført aktivitet (U)."] });
  });
});
