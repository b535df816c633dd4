import "server-only";
import { randomUUID } from "node:crypto";
import { DOUBLE_SUBMIT_WINDOW_MS, findRepeat } from "@/domain/events/double-submit";
import { codeBookOn, evaluatePathway, previewEvent, type Notice, type PathwayEvaluation, type RuleTables } from "@/domain/rules";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import { prisma, type Tx } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { pooled, sqlOf, type Sql } from "@/server/sql";
import { sqlDate } from "@/server/sql-rows";
import { now } from "@/server/clock";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { AppError, ConflictError, ValidationError, fieldErrorsFrom, type FieldErrors } from "@/server/errors";
import { auditingDenials, OutOfScope } from "@/server/access-denied";
import { isUniqueViolation } from "@/server/db-errors";
import { loadForDerive, type DeriveRow } from "@/server/pathways/derive-load";
import { derivedRows } from "@/server/pathways/derived";
import { currentRuleTables } from "@/server/rule-tables/load";
import { loadRegistrationTarget, writeRegistration, type NewEvent } from "./register-write";
import { checkCode } from "./code-rules";
import { registrationCautions, type Caution } from "@/domain/pathway-page/registration-cautions";
import { assertCodedHere, CodesRecordedInEpj } from "@/server/units/codes-recorded-in";
import { registerEventSchema, type RegisterEventData, type RegisterEventInput } from "./schema";

export interface RegisterResult {
  event: { id: string; code: string; outcome: string | null; clinicalDate: IsoDate; justification: string | null };
  evaluation: PathwayEvaluation;
  warnings: Notice[];
  summary: string;
  duplicate: boolean;
}

/** Raised when the event would create a notice or close a deadline late and no justification was given. */
export class JustificationRequired extends AppError {
  constructor(public readonly summary: string, public readonly warnings: Notice[]) {
    super(422, "justification_required", "Skriv en kort begrunnelse: koden gir en oppmerksomhet eller lukker en frist for sent.", {
      justification: ["Skriv en kort begrunnelse."],
    });
  }
}

/**
 * Registers a coded event. Hard errors refuse the save and store nothing; soft
 * findings (NPR notices) are stored with the event and returned as warnings.
 * The event, the derived columns and the audit row commit together.
 */
export async function registerEvent(actor: Actor, pathwayId: string, input: RegisterEventInput, today: IsoDate): Promise<RegisterResult> {
  assertCan(actor.user, "event.create");
  const parsed = registerEventSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  const data = parsed.data;
  // on pg directly, the hottest write (see sql.ts); one statement reads it all, one stores it all (register-write.ts)
  const db = pooled({ prepared: true });
  return auditingDenials(actor, "event.create", async () => {
    try {
      return await createCheckedEvent(db, actor, pathwayId, data, today, { refuseEpjLed: true });
    } catch (error) {
      // Two identical submissions raced on the idempotency key: answer with the stored one.
      if (isUniqueViolation(error) && data.idempotencyKey) {
        const target = await loadRegistrationTarget(db, pathwayId, actor.user.unitIds, submission(actor, data));
        if (!target?.existingId) throw error;
        return duplicateResult(db, target.existingId, target.pathway, today, await currentRuleTables(db));
      }
      throw error;
    }
  });
}

/** What the event would do, without storing it: for the form's preview and for the save. */
export interface RegistrationCheck {
  pathway: { id: string; patientId: string; status: "OPEN" | "CLOSED" };
  letter: string;
  outcome: string | null;
  summary: string;
  warnings: Notice[];
  /** look twice before saving (registration-cautions.ts); never a refusal, never a justification */
  cautions: Caution[];
  needsJustification: boolean;
}

/** All hard checks and the engine's preview. Throws ValidationError, NotFoundError or ConflictError. */
export async function checkRegistration(
  tx: Tx | Sql,
  actor: Actor,
  pathwayId: string,
  data: RegisterEventData,
  today: IsoDate,
  options: { replacesId?: string } = {},
): Promise<RegistrationCheck> {
  const pathway = await loadTarget(tx, actor, pathwayId);
  const tables = await currentRuleTables(tx);
  // a replacement is judged as it will be saved: after the event it replaces is annulled
  const replaced = options.replacesId;
  const events = replaced ? pathway.input.events.map((e) => (e.id === replaced ? { ...e, annulled: true } : e)) : pathway.input.events;
  return judgeRegistration({ ...pathway, input: { ...pathway.input, events } }, data, today, options, tables);
}

/** The pathway with its events as the engine sees them, within the actor's units; 404 otherwise. */
async function loadTarget(tx: Tx | Sql, actor: Actor, pathwayId: string): Promise<DeriveRow> {
  const [pathway] = await loadForDerive(tx, { ids: [pathwayId], unitIds: actor.user.unitIds });
  if (!pathway) throw outOfScope(pathwayId);
  return pathway;
}

function outOfScope(pathwayId: string) {
  return new OutOfScope({ kind: "pathway", id: pathwayId }, "Fant ikke forløpet, eller det hører til en enhet du ikke har tilgang til.");
}

function judgeRegistration(pathway: DeriveRow, data: RegisterEventData, today: IsoDate, options: { replacesId?: string }, tables: RuleTables): RegistrationCheck {
  const errors: FieldErrors = {};
  // the code lists in force on the event's date
  const code = checkCode(data, pathway.type, codeBookOn(tables, data.date));
  if (!code.ok) Object.assign(errors, code.errors);
  const receivedOn = pathway.input.referralReceived;
  if (data.date > today) (errors.date ??= []).push("Datoen kan ikke være i fremtiden.");
  if (receivedOn && data.date < receivedOn) {
    (errors.date ??= []).push(`Datoen kan ikke være før henvisningen ble mottatt (${formatNorwegianDate(receivedOn)}).`);
  }
  if (!code.ok || Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (pathway.status === "CLOSED" && !options.replacesId) {
    throw new ConflictError("pathway_closed", "Forløpet er avsluttet. Annuller avslutningen først hvis forløpet skal fortsette.");
  }
  const preview = previewEvent(
    pathway.input,
    { id: "new", code: code.letter, outcome: code.outcome, activityCode: data.activityCode, date: data.date },
    today,
    tables,
  );
  const closesLate = preview.completedDeadlines.some((d) => d.met === false);
  const stored = pathway.input.events.map((e) => ({ code: e.code, outcome: e.outcome ?? null, date: e.date, annulled: e.annulled === true }));
  const cautions = registrationCautions(preview.before.phase, pathway.type, stored, { letter: code.letter, outcome: code.outcome, date: data.date }, codeBookOn(tables, data.date));
  return {
    pathway: { id: pathway.id, patientId: pathway.patientId, status: pathway.status },
    letter: code.letter,
    outcome: code.outcome,
    summary: preview.summary,
    warnings: preview.newNotices,
    cautions,
    needsJustification: preview.newNotices.length > 0 || closesLate,
  };
}

/** What loadRegistrationTarget needs to find a stored repeat of this submission. */
function submission(actor: Actor, data: RegisterEventData) {
  return { idempotencyKey: data.idempotencyKey, userId: actor.user.id, recentSince: new Date(now().getTime() - DOUBLE_SUBMIT_WINDOW_MS) };
}

/** Raised when the pathway kept changing under a registration (others writing to it at the same moment). */
class PathwayBusy extends AppError {
  constructor() {
    super(409, "pathway_busy", "Forløpet ble endret av noen andre akkurat nå. Prøv å lagre igjen.");
  }
}

// Each failed attempt means another change to the pathway was stored first.
// Between attempts a random pause that grows (up to 100 ms) spreads a burst
// of writers out, so that each gets its turn: 50 registrations sent at once
// to one pathway all store (register-event.integration.test.ts).
const MAX_ATTEMPTS = 25;

/** How a caller of createCheckedEvent wants it: `replacesId` for annul-and-replace. */
interface CreateOptions {
  replacesId?: string;
  /**
   * One record of each code: refuse (409) a pathway of a unit whose codes the
   * EPJ holds, read in the registration's own statement (callers that checked
   * the unit before, in their transaction, leave it off).
   */
  refuseEpjLed?: boolean;
}
const MAX_PAUSE_MS = 100;

function pauseBeforeRetry(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(MAX_PAUSE_MS, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The checks and the write, on the caller's handle (a pg pool, or a Prisma
 * transaction for annul-and-replace and a new pathway's start code). The
 * pathway is read once per attempt: the checks and the derived rows use the
 * same events, plus the new one. When the pathway changed between the read
 * and the write, nothing was written and it is read again.
 */
export async function createCheckedEvent(
  db: Tx | Sql,
  actor: Actor,
  pathwayId: string,
  data: RegisterEventData,
  today: IsoDate,
  options: CreateOptions = {},
): Promise<RegisterResult> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const result = await tryCreateCheckedEvent(db, actor, pathwayId, data, today, options);
    if (result) return result;
    if (attempt < MAX_ATTEMPTS) await pauseBeforeRetry(attempt);
  }
  throw new PathwayBusy();
}

/** One attempt: the result, or null when the pathway changed since it was read. */
async function tryCreateCheckedEvent(
  db: Tx | Sql,
  actor: Actor,
  pathwayId: string,
  data: RegisterEventData,
  today: IsoDate,
  options: CreateOptions,
): Promise<RegisterResult | null> {
  const tables = await currentRuleTables(db);
  const target = await loadRegistrationTarget(db, pathwayId, actor.user.unitIds, submission(actor, data));
  if (!target) throw outOfScope(pathwayId);
  if (options.refuseEpjLed && target.unit.codesRecordedIn === "EPJ") throw new CodesRecordedInEpj(target.unit.name);
  if (target.existingId) return duplicateResult(db, target.existingId, target.pathway, today, tables);
  const { pathway } = target;
  const check = judgeRegistration(pathway, data, today, options, tables);
  const { letter, outcome } = check;
  if (!options.replacesId) {
    // target.recent is empty when a key was given: then the key alone decides (existingId above)
    const submitted = { code: letter, outcome, activityCode: data.activityCode, date: data.date, justification: data.justification };
    const repeat = findRepeat(submitted, target.recent, now().getTime());
    if (repeat) return duplicateResult(db, repeat.id, pathway, today, tables);
  }
  if (check.needsJustification && !data.justification) throw new JustificationRequired(check.summary, check.warnings);

  const event: NewEvent = {
    id: randomUUID(),
    pathwayId,
    code: letter,
    outcome,
    activityCode: data.activityCode,
    date: data.date,
    recordedAt: now().toISOString(),
    recordedById: actor.user.id,
    justification: data.justification,
    idempotencyKey: data.idempotencyKey,
    replacesId: options.replacesId ?? null,
  };
  const stored = { id: event.id, code: letter, outcome, activityCode: data.activityCode, date: data.date, recordedAt: event.recordedAt, annulled: false };
  const withEvent: DeriveRow = {
    ...pathway,
    input: { ...pathway.input, events: [...pathway.input.events, stored] },
    recordedBy: { ...pathway.recordedBy, [event.id]: actor.user.id },
  };
  const evaluation = evaluatePathway(withEvent.input, today, tables);
  const written = await writeRegistration(db, {
    version: target.version,
    event,
    evaluation,
    today,
    rows: derivedRows([withEvent], [evaluation], target.context, tables),
    audit: {
      userId: actor.user.id,
      action: "EVENT_CREATED",
      patientId: check.pathway.patientId,
      pathwayId,
      detail: { eventId: event.id, code: letter, outcome, date: data.date, replacesId: options.replacesId ?? null },
    },
    meta: actor.meta,
  });
  if (!written) return null;
  return {
    event: { id: event.id, code: letter, outcome, clinicalDate: data.date, justification: data.justification },
    evaluation,
    warnings: check.warnings,
    summary: check.summary,
    duplicate: false,
  };
}

/** The form's preview: what saving would do, or the errors it would give. Stores nothing. */
export async function previewRegistration(actor: Actor, pathwayId: string, input: RegisterEventInput, today: IsoDate) {
  assertCan(actor.user, "event.create");
  const parsed = registerEventSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  await assertCodedHere(prisma, pathwayId, actor.user.unitIds);
  return auditingDenials(actor, "event.create", () => checkRegistration(prisma, actor, pathwayId, parsed.data, today));
}

const storedEventRow = z.object({
  id: z.string(),
  code: z.string(),
  outcome: z.string().nullable(),
  clinicalDate: sqlDate,
  justification: z.string().nullable(),
}) satisfies z.ZodType<RegisterResult["event"]>;

/** The answer to a repeated submission: the stored event and the pathway as just read (it holds that event). */
async function duplicateResult(tx: Tx | Sql, eventId: string, pathway: DeriveRow, today: IsoDate, tables: RuleTables): Promise<RegisterResult> {
  const [event] = await sqlOf(tx).rows(storedEventRow, Prisma.sql`
    SELECT "id", "code", "outcome", to_char("clinicalDate", 'YYYY-MM-DD') AS "clinicalDate", "justification"
    FROM "PathwayEvent" WHERE "id" = ${eventId}`);
  const evaluation = evaluatePathway(pathway.input, today, tables);
  const warnings = evaluation.notices.filter((n) => n.eventId === event.id);
  return { event, evaluation, warnings, summary: "Koden var allerede registrert.", duplicate: true };
}
