import { describe, expect, it, vi } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import { ReferralDuplicate, registerReferral as registerParsed } from "@/server/referrals/register";
import { assessReferral as assessParsed, ReferralAlreadyAssessed } from "@/server/referrals/assess";
import { correctAssessment as correctParsed } from "@/server/referrals/correct";
import { getReferral } from "@/server/referrals/detail";
import { countOverdueUnassessed, listReferralsApi as listParsed, listReferralsPage } from "@/server/referrals/list";
import {
  assessReferralBody, correctAssessmentBody, listReferralsQuery, registerReferralBody,
  type AssessReferralInput, type CorrectAssessmentInput, type RegisterReferralInput,
} from "@/server/referrals/schema";
import { ensurePatient as ensureParsed } from "@/server/patients/ensure";
import { createPatientSchema, type CreatePatientInput } from "@/server/patients/schema";
import type { Actor } from "@/server/auth/current-user";
import type { IsoDate } from "@/lib/dates";
import type { z } from "@/lib/zod";
import { recomputeDerived } from "@/server/pathways/derived";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { worklistSummary } from "@/server/worklist/query";
import { PermissionDenied } from "@/server/auth/assert";
import { fieldErrorsFrom, NotFoundError, ValidationError } from "@/server/errors";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Issue 16: referrals in, assessed within 10 working days, the pathway started
// by the assessment. Monday 2026-11-30; a referral received 2026-11-13 is due
// 2026-11-27 (over), one received 2026-11-16 is due today.
const TODAY = "2026-11-30";
const { db } = useAppDatabase();

// the route tests below sign in as `current`, as the session cookie would, on TODAY
let current: Actor | null = null;
vi.mock("@/server/auth/guard", async () => (await import("./support/signed-in")).signedInGuard(() => current));
process.env.FORLOPSVAKT_TODAY = TODAY;

// The services take bodies parsed by their operations' schemas (as apiRoute
// and the server actions parse them); here raw input goes through the same
// schemas, a failure being the 422 with field messages the route answers.
function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsFrom(result.error.issues));
  return result.data;
}
const registerReferral = async (actor: Actor, input: RegisterReferralInput, today: IsoDate) => registerParsed(actor, parsed(registerReferralBody, input), today);
const assessReferral = async (actor: Actor, id: string, input: AssessReferralInput, today: IsoDate) => assessParsed(actor, id, parsed(assessReferralBody, input), today);
const correctAssessment = async (actor: Actor, id: string, input: CorrectAssessmentInput, today: IsoDate) => correctParsed(actor, id, parsed(correctAssessmentBody, input), today);
const listReferralsApi = async (actor: Actor, query: z.input<typeof listReferralsQuery>, today: IsoDate) => listParsed(actor, parsed(listReferralsQuery, query), today);
const ensurePatient = async (actor: Actor, input: CreatePatientInput) => ensureParsed(actor, parsed(createPatientSchema, input));

let n = 0;
const freshId = () => {
  n++;
  return makeNationalId(`19${60 + (n % 30)}-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 27)).padStart(2, "0")}`, 200 + n, { synthetic: true });
};

async function setup() {
  const unit = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  return { unit, coordinator, clinician };
}

function referral(unitId: string, extra: Record<string, unknown> = {}) {
  return { nationalId: freshId(), patientName: "Ola Nordmann", unitId, receivedDate: "2026-11-16", referrerName: "Fastlege Hansen", ...extra };
}

const audits = (action: string, userId: string) => db().auditEvent.findMany({ where: { action: action as never, userId }, orderBy: { id: "asc" } });

describe("registering a referral", () => {
  it("creates the patient and the referral with its 10-working-day due date, audited", async () => {
    const { unit, coordinator } = await setup();
    const made = await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-12-18", suggestedType: "D11" }), "2026-12-20");
    expect(made.dueDate).toBe("2027-01-05"); // across Christmas and New Year
    const stored = await db().referral.findUniqueOrThrow({ where: { id: made.id }, include: { patient: true } });
    expect(stored.patient.name).toBe("Ola Nordmann");
    expect(stored.suggestedType).toBe("D11");
    expect((await audits("REFERRAL_CREATED", coordinator.user.id)).map((a) => a.patientId)).toEqual([made.patientId]);
    expect((await audits("PATIENT_CREATED", coordinator.user.id)).map((a) => a.patientId)).toEqual([made.patientId]);
  });

  it("refuses a future receipt date, a bad HPR number and a type the unit does not run, storing nothing", async () => {
    const { unit, coordinator } = await setup();
    const before = await db().referral.count();
    const fail = (input: Record<string, unknown>) => registerReferral(coordinator, referral(unit.id, input), TODAY).catch((e) => e);
    expect((await fail({ receivedDate: "2026-12-01" })).fieldErrors.receivedDate).toEqual(["Mottaksdatoen kan ikke være i fremtiden."]);
    expect((await fail({ referrerHpr: "12a45" })).fieldErrors.referrerHpr[0]).toMatch(/bare ha sifre/);
    expect((await fail({ suggestedType: "D12" })).fieldErrors.suggestedType[0]).toMatch(/har ikke pakkeforløp D12/);
    expect((await fail({ nationalId: "12345678901" })).fieldErrors.nationalId).toBeDefined();
    expect(await db().referral.count()).toBe(before);
  });

  it("guards against a second unassessed referral of the same patient at the unit until the user confirms", async () => {
    const { unit, coordinator } = await setup();
    const input = referral(unit.id);
    const first = await registerReferral(coordinator, input, TODAY);
    const error = await registerReferral(coordinator, { ...input, receivedDate: "2026-11-20" }, TODAY).catch((e) => e);
    expect(error).toBeInstanceOf(ReferralDuplicate);
    expect(error.status).toBe(409);
    expect((error as ReferralDuplicate).existingReferralId).toBe(first.id);
    expect(await db().referral.count({ where: { patientId: first.patientId } })).toBe(1);
    const second = await registerReferral(coordinator, { ...input, receivedDate: "2026-11-20", confirmDuplicate: true }, TODAY);
    expect(second.id).not.toBe(first.id);
    expect(second.patientId).toBe(first.patientId);
  });

  it("answers a repeat with the same idempotency key with the same referral, storing it once", async () => {
    const { unit, coordinator } = await setup();
    const input = referral(unit.id, { idempotencyKey: "brev-2026-11-16-001" });
    const first = await registerReferral(coordinator, input, TODAY);
    const again = await registerReferral(coordinator, input, TODAY);
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await db().referral.count({ where: { patientId: first.patientId } })).toBe(1);
  });

  it("answers 404 for another unit, and leaders and clinicians may not register", async () => {
    const { unit, clinician } = await setup();
    const other = await makeUnit(db());
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    await expect(registerReferral(coordinator, referral(other.id), TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(registerReferral(clinician, referral(unit.id), TODAY)).rejects.toBeInstanceOf(PermissionDenied);
    const leader = await makeActor(db(), "LEADER", [unit.id]);
    await expect(registerReferral(leader, referral(unit.id), TODAY)).rejects.toBeInstanceOf(PermissionDenied);
    await expect(listReferralsPage(leader, {}, TODAY)).resolves.toBeDefined();
  });
});

describe("assessing a referral", () => {
  async function registered() {
    const s = await setup();
    const made = await registerReferral(s.coordinator, referral(s.unit.id, { receivedDate: "2026-11-20" }), TODAY);
    return { ...s, made };
  }

  it("with a right, a legal deadline and a pathway: starts the pathway with A on the assessment day, in one go", async () => {
    const { unit, coordinator, clinician, made } = await registered();
    const result = await assessReferral(
      coordinator,
      made.id,
      { assessedDate: "2026-11-27", decision: "right", legalDeadline: "2027-01-15", pathway: { type: "D11", setting: "POLIKLINIKK", responsibleClinicianId: clinician.user.id } },
      TODAY,
    );
    const pathway = await db().pathway.findUniqueOrThrow({ where: { id: result.pathwayId! }, include: { events: true } });
    expect(pathway).toMatchObject({ unitId: unit.id, referralId: made.id, responsibleClinicianId: clinician.user.id, phase: "awaiting_first_attendance" });
    expect(pathway.events.map((e) => [e.code, e.clinicalDate.toISOString().slice(0, 10)])).toEqual([["A", "2026-11-27"]]);
    const stored = await db().referral.findUniqueOrThrow({ where: { id: made.id } });
    expect(stored).toMatchObject({ decision: "RIGHT", rightToCare: true });
    expect(stored.legalDeadline?.toISOString().slice(0, 10)).toBe("2027-01-15");
    const [audit] = await audits("REFERRAL_ASSESSED", coordinator.user.id);
    expect(audit).toMatchObject({ patientId: made.patientId, pathwayId: pathway.id });
  });

  it("in a unit whose codes the EPJ holds, the assessment starts no pathway here (409 codes_recorded_in_epj), and stores nothing", async () => {
    const { unit, coordinator, clinician, made } = await registered();
    await db().unit.update({ where: { id: unit.id }, data: { codesRecordedIn: "EPJ" } });
    const error = await assessReferral(
      coordinator,
      made.id,
      { assessedDate: "2026-11-27", decision: "right", legalDeadline: "2027-01-15", pathway: { type: "D11", setting: "POLIKLINIKK", responsibleClinicianId: clinician.user.id } },
      TODAY,
    ).catch((e) => e);
    expect(error).toMatchObject({ status: 409, code: "codes_recorded_in_epj" });
    expect(await db().pathway.count({ where: { referralId: made.id } })).toBe(0);
    expect((await db().referral.findUniqueOrThrow({ where: { id: made.id } })).decision).toBeNull();
  });

  it("is refused a second time (409), and nothing changes", async () => {
    const { coordinator, made } = await registered();
    await assessReferral(coordinator, made.id, { assessedDate: "2026-11-27", decision: "no_need", reason: "Ikke indikasjon for spesialisthelsetjenesten" }, TODAY);
    const error = await assessReferral(coordinator, made.id, { assessedDate: "2026-11-27", decision: "need_no_right" }, TODAY).catch((e) => e);
    expect(error).toBeInstanceOf(ReferralAlreadyAssessed);
    expect(error.status).toBe(409);
    expect(await db().referralAssessment.count({ where: { referralId: made.id } })).toBe(1);
    expect((await db().referral.findUniqueOrThrow({ where: { id: made.id } })).decision).toBe("NO_NEED");
  });

  it("refuses every broken rule with a field message, storing nothing", async () => {
    const { coordinator, made } = await registered();
    const fail = (input: Record<string, unknown>) => assessReferral(coordinator, made.id, input as never, TODAY).then(() => ({ fieldErrors: {} }) as ValidationError, (e: ValidationError) => e);
    expect((await fail({ assessedDate: "2026-11-19", decision: "need_no_right" })).fieldErrors.assessedDate[0]).toMatch(/før henvisningen/);
    expect((await fail({ assessedDate: "2026-12-01", decision: "need_no_right" })).fieldErrors.assessedDate[0]).toMatch(/fremtiden/);
    expect((await fail({ assessedDate: "2026-11-27", decision: "right" })).fieldErrors.legalDeadline[0]).toMatch(/juridisk frist/);
    expect((await fail({ assessedDate: "2026-11-27", decision: "right", legalDeadline: "2026-11-27" })).fieldErrors.legalDeadline[0]).toMatch(/etter vurderingsdatoen/);
    expect((await fail({ assessedDate: "2026-11-27", decision: "returned" })).fieldErrors.reason[0]).toMatch(/begrunnelse/);
    expect((await fail({ assessedDate: "2026-11-27", decision: "need_no_right", pathway: { type: "D12", setting: "POLIKLINIKK" } })).fieldErrors["pathway.type"][0]).toMatch(/D12/);
    expect(await db().referralAssessment.count({ where: { referralId: made.id } })).toBe(0);
    expect(await db().pathway.count({ where: { referralId: made.id } })).toBe(0);
  });

  it("needs a justification when the assessment is later than 10 working days", async () => {
    const { unit, coordinator } = await setup();
    const late = await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-11-02" }), TODAY); // due 16 Nov
    const input = { assessedDate: "2026-11-27", decision: "need_no_right" as const, pathway: { type: "D11" as const, setting: "POLIKLINIKK" as const } };
    const error = await assessReferral(coordinator, late.id, input, TODAY).catch((e) => e);
    expect(error.fieldErrors.justification).toEqual(["Skriv en kort begrunnelse."]);
    expect(await db().pathway.count({ where: { referralId: late.id } })).toBe(0);
    expect(await db().referralAssessment.count({ where: { referralId: late.id } })).toBe(0);
    await assessReferral(coordinator, late.id, { ...input, justification: "Henvisningen lå i feil postkasse" }, TODAY);
    expect(await db().pathway.count({ where: { referralId: late.id } })).toBe(1);
  });

  it("answers 404 for a referral of another unit and audits the attempt", async () => {
    const { made } = await registered();
    const other = await makeUnit(db());
    const stranger = await makeActor(db(), "COORDINATOR", [other.id]);
    await expect(assessReferral(stranger, made.id, { assessedDate: "2026-11-27", decision: "need_no_right" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReferral(stranger, made.id, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const denied = await audits("ACCESS_DENIED", stranger.user.id);
    expect(denied.map((a) => [a.patientId, (a.detail as { record: string }).record])).toEqual([[made.patientId, "referral"], [made.patientId, "referral"]]);
    expect(await db().referralAssessment.count({ where: { referralId: made.id } })).toBe(0);
  });
});

describe("correcting an assessment", () => {
  it("keeps the earlier assessment and records who, when and why", async () => {
    const { unit, coordinator } = await setup();
    const made = await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-11-20" }), TODAY);
    await assessReferral(coordinator, made.id, { assessedDate: "2026-11-27", decision: "returned", reason: "Mangler opplysninger" }, TODAY);
    await correctAssessment(coordinator, made.id, { assessedDate: "2026-11-27", decision: "right", legalDeadline: "2027-01-29", correctionReason: "Feil henvisning valgt ved første vurdering" }, TODAY);
    const detail = await getReferral(coordinator, made.id, TODAY);
    expect(detail.decision).toBe("RIGHT");
    expect(detail.legalDeadline).toBe("2027-01-29");
    expect(detail.history.map((h) => [h.decision, h.correction?.reason ?? null, h.recordedBy])).toEqual([
      ["RETURNED", null, "Test COORDINATOR"],
      ["RIGHT", "Feil henvisning valgt ved første vurdering", "Test COORDINATOR"],
    ]);
    const [audit] = await audits("REFERRAL_ASSESSMENT_CORRECTED", coordinator.user.id);
    expect(audit.patientId).toBe(made.patientId);
    // the history itself cannot be rewritten, whoever tries
    await expect(db().referralAssessment.updateMany({ where: { referralId: made.id }, data: { reason: "x" } })).rejects.toThrow();
  });

  it("corrects the assessment in force even when two corrections committed in the other order than their times", async () => {
    const { unit, coordinator } = await setup();
    const made = await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-11-20" }), TODAY);
    await assessReferral(coordinator, made.id, { assessedDate: "2026-11-27", decision: "returned", reason: "Mangler opplysninger" }, TODAY);
    await correctAssessment(coordinator, made.id, { assessedDate: "2026-11-27", decision: "need_no_right", correctionReason: "Første rettelse" }, TODAY);
    // a second correction whose transaction began before the first one's (its recordedAt is earlier)
    const head = await db().referralAssessment.findFirstOrThrow({ where: { referralId: made.id, correctsId: { not: null } } });
    await db().referralAssessment.create({
      data: { referralId: made.id, assessedDate: head.assessedDate, decision: "NEED_NO_RIGHT", recordedById: coordinator.user.id, recordedAt: new Date("2026-01-01T00:00:00Z"), correctsId: head.id, correctionReason: "Andre rettelse" },
    });
    // the chain's head is the row no one corrects, not the newest recordedAt: no unique violation (a 500 before)
    await correctAssessment(coordinator, made.id, { assessedDate: "2026-11-27", decision: "returned", reason: "Feil instans", correctionReason: "Tredje rettelse" }, TODAY);
    expect(await db().referralAssessment.count({ where: { referralId: made.id } })).toBe(4);
  });

  it("refuses a correction without a reason, and one of a referral not assessed", async () => {
    const { unit, coordinator } = await setup();
    const made = await registerReferral(coordinator, referral(unit.id), TODAY);
    const noReason = await correctAssessment(coordinator, made.id, { assessedDate: "2026-11-27", decision: "right", legalDeadline: "2027-01-29" } as never, TODAY).catch((e) => e);
    expect(noReason.fieldErrors.correctionReason).toBeDefined();
    const notAssessed = await correctAssessment(coordinator, made.id, { assessedDate: "2026-11-27", decision: "need_no_right", correctionReason: "Feil" }, TODAY).catch((e) => e);
    expect(notAssessed.status).toBe(409);
  });
});

describe("the referral list and the worklist", () => {
  it("counts the unassessed referrals over 10 working days as the worklist's reason count for the same unit", async () => {
    const { unit, coordinator } = await setup();
    const otherUnit = await makeUnit(db());
    const both = await makeActor(db(), "COORDINATOR", [unit.id, otherUnit.id]);
    await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-11-13" }), TODAY); // due 27 Nov: over
    await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-11-02" }), TODAY); // over
    await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-11-16" }), TODAY); // due today: not over
    const assessed = await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-11-03" }), TODAY);
    await assessReferral(coordinator, assessed.id, { assessedDate: "2026-11-10", decision: "forwarded", reason: "Til kommunen" }, TODAY);
    await registerReferral(both, referral(otherUnit.id, { receivedDate: "2026-11-02" }), TODAY); // other unit
    // a pathway from before the referral flow, not yet started: its referral is unassessed too
    const legacy = await makePathway(db(), unit.id, coordinator.user.id, []);
    await recomputeDerived(db(), legacy.id, TODAY);

    const page = await listReferralsPage(both, { enhet: unit.id }, TODAY);
    expect(page.overdue).toBe(3);
    expect(page.unassessed.filter((r) => (r.workingDaysLeft ?? 0) < 0)).toHaveLength(3);
    expect(page.unassessed.map((r) => r.workingDaysLeft)).toEqual([...page.unassessed.map((r) => r.workingDaysLeft)].sort((a, b) => a! - b!));
    expect(page.recent.map((r) => r.status)).toEqual(["closed"]);
    const summary = await worklistSummary(both, worklistFilterSchema.parse({ enhet: unit.id }), TODAY);
    expect(summary.byFilter.henvisning).toBe(page.overdue);
    expect(await countOverdueUnassessed([otherUnit.id], TODAY)).toBe(1);

    // assessing one takes it off both
    const first = page.unassessed[0];
    await assessReferral(both, first.id, { assessedDate: TODAY, decision: "need_no_right", justification: "Sen vurdering" }, TODAY);
    expect((await listReferralsPage(both, { enhet: unit.id }, TODAY)).overdue).toBe(2);
    expect((await worklistSummary(both, worklistFilterSchema.parse({ enhet: unit.id }), TODAY)).byFilter.henvisning).toBe(2);
  });

  it("writes one audit row naming every patient a list showed, page and API", async () => {
    const { unit, coordinator } = await setup();
    const a = await registerReferral(coordinator, referral(unit.id), TODAY);
    const b = await registerReferral(coordinator, referral(unit.id, { receivedDate: "2026-11-10" }), TODAY);
    await listReferralsPage(coordinator, {}, TODAY);
    const api = await listReferralsApi(coordinator, { status: "unassessed", limit: 1 }, TODAY);
    expect(api.items.map((i) => i.id)).toEqual([b.id]);
    expect(api.items[0].dueDate).toBe("2026-11-24");
    const next = await listReferralsApi(coordinator, { status: "unassessed", limit: 1, cursor: api.nextCursor! }, TODAY);
    expect(next.items.map((i) => i.id)).toEqual([a.id]);
    const rows = await audits("REFERRAL_LIST_VIEWED", coordinator.user.id);
    expect(rows.map((r) => [...r.patientIds].sort())).toEqual([[a.patientId, b.patientId].sort(), [b.patientId], [a.patientId]]);
  });
});

describe("POST /api/v1/patients", () => {
  it("registers a new patient, and answers an existing national id with the same id without changing the name", async () => {
    const { unit, coordinator } = await setup();
    const nationalId = freshId();
    const made = await ensurePatient(coordinator, { nationalId, name: "Kari Nordmann" });
    const again = await ensurePatient(coordinator, { nationalId, name: "Kari Annet-Navn" });
    expect(made.created).toBe(true);
    // not yet known in the coordinator's units (no referral there): the same answer as a new patient
    expect(again).toEqual({ id: made.id, created: true });
    await registerReferral(coordinator, { nationalId, patientName: "Kari Nordmann", unitId: unit.id, receivedDate: "2026-11-20", referrerName: "Fastlege" }, TODAY);
    expect(await ensurePatient(coordinator, { nationalId, name: "Kari Annet-Navn" })).toEqual({ id: made.id, created: false });
    expect((await db().patient.findUniqueOrThrow({ where: { id: made.id } })).name).toBe("Kari Nordmann");
    const bad = await ensurePatient(coordinator, { nationalId: "123", name: "" }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["name", "nationalId"]);
  });
});


describe("the referral API routes", () => {
  type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const post = async (route: Promise<{ POST: Route }>, url: string, body: unknown, params: Record<string, string> = {}) => {
    const response = await (await route).POST(new Request(`http://localhost${url}`, { method: "POST", body: JSON.stringify(body) }), { params: Promise.resolve(params) });
    return { status: response.status, body: await response.json() };
  };
  const patients = () => import("../../app/api/v1/patients/route");
  const referrals = () => import("../../app/api/v1/referrals/route");
  const assessment = () => import("../../app/api/v1/referrals/[id]/assessment/route");
  const correction = () => import("../../app/api/v1/referrals/[id]/assessment/correct/route");

  it("answer through their operations: 201 new and 200 repeat, 409 a second assessment, 404 another unit, 422 with Norwegian field messages", async () => {
    const { unit, coordinator } = await setup();
    current = coordinator;
    const nationalId = freshId();
    const patient = await post(patients(), "/api/v1/patients", { nationalId, name: "Kari Nordmann" });
    expect(patient.status).toBe(201);
    expect(await post(patients(), "/api/v1/patients", { nationalId, name: "Kari Annet-Navn" })).toEqual({ status: 201, body: patient.body });
    const badPatient = await post(patients(), "/api/v1/patients", { nationalId: "123", name: "" });
    expect(badPatient.status).toBe(422);
    expect(Object.keys(badPatient.body.fieldErrors).sort()).toEqual(["name", "nationalId"]);

    // a patient the unit does not know yet needs the typed name (as an unknown one would)
    const input = { nationalId, unitId: unit.id, receivedDate: "2026-11-20", referrerName: "Fastlege Hansen", idempotencyKey: "henv-1" };
    const nameless = await post(referrals(), "/api/v1/referrals", { ...input, idempotencyKey: "henv-0" });
    expect(nameless.status).toBe(422);
    expect(Object.keys(nameless.body.fieldErrors)).toEqual(["patientName"]);
    const made = await post(referrals(), "/api/v1/referrals", { ...input, patientName: "Kari Nordmann" });
    expect(made).toMatchObject({ status: 201, body: { patientId: patient.body.id, dueDate: "2026-12-04" } });
    expect(await post(referrals(), "/api/v1/referrals", { ...input, patientName: "Kari Nordmann" })).toEqual({ status: 200, body: made.body });
    // known in the unit now: 200, and a later referral may leave the name out
    expect(await post(patients(), "/api/v1/patients", { nationalId, name: "Kari Nordmann" })).toEqual({ status: 200, body: patient.body });
    const badHpr = await post(referrals(), "/api/v1/referrals", { ...input, idempotencyKey: null, referrerHpr: "12a45" });
    expect(badHpr.status).toBe(422);
    expect(badHpr.body.fieldErrors.referrerHpr[0]).toMatch(/bare ha sifre/);

    const id = made.body.id;
    const assessed = await post(assessment(), `/api/v1/referrals/${id}/assessment`, { assessedDate: "2026-11-27", decision: "need_no_right" }, { id });
    expect(assessed).toEqual({ status: 200, body: { referralId: id, pathwayId: null } });
    const again = await post(assessment(), `/api/v1/referrals/${id}/assessment`, { assessedDate: "2026-11-27", decision: "need_no_right" }, { id });
    expect(again).toMatchObject({ status: 409, body: { error: "referral_already_assessed" } });

    const corrected = await post(correction(), `/api/v1/referrals/${id}/assessment/correct`, { assessedDate: "2026-11-27", decision: "returned", reason: "Mangler opplysninger", correctionReason: "Feil beslutning valgt" }, { id });
    expect(corrected.status).toBe(200);
    expect(corrected.body.referralId).toBe(id);

    current = await makeActor(db(), "COORDINATOR", [(await makeUnit(db())).id]);
    const stranger = await post(correction(), `/api/v1/referrals/${id}/assessment/correct`, { assessedDate: "2026-11-27", decision: "need_no_right", correctionReason: "Feil" }, { id });
    expect(stranger.status).toBe(404);
  });
});
