import "server-only";
import type { PathwayEvaluation } from "@/domain/rules";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { pathwayScope } from "@/server/auth/scope";
import { ConflictError, ValidationError, fieldErrorsFrom } from "@/server/errors";
import { auditingDenials, OutOfScope } from "@/server/access-denied";
import { recomputeDerived } from "@/server/pathways/derived";
import { checkRegistration, createCheckedEvent, type RegisterResult, type RegistrationCheck } from "./register";
import { annulSchema } from "./annul-schema";
import { assertEventCodedHere } from "@/server/units/codes-recorded-in";

/** The annulled event as the caller gets it back (dates as the API writes them). */
export interface AnnulledEvent {
  id: string;
  code: string;
  outcome: string | null;
  activityCode: string | null;
  date: IsoDate;
  annulledAt: string;
  reason: string;
}

/**
 * Annuls a coded event: it is never updated or deleted, only marked annulled
 * (who, when, why), and optionally replaced by a new event that points at it.
 * The annulment, the replacement, the derived columns and the audit rows
 * commit together or not at all.
 */
export async function annulEvent(
  actor: Actor,
  eventId: string,
  input: { reason: unknown; replacement?: unknown },
  today: IsoDate,
): Promise<{ event: AnnulledEvent; evaluation: PathwayEvaluation; replacement: RegisterResult | null }> {
  assertCan(actor.user, "event.annul");
  const parsed = annulSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  await assertEventCodedHere(prisma, eventId, actor.user.unitIds);
  return auditingDenials(actor, "event.annul", () => prisma.$transaction(async (tx) => {
    const event = await tx.pathwayEvent.findFirst({
      where: { id: eventId, pathway: pathwayScope(actor.user) },
      include: { pathway: { select: { id: true, patientId: true } } },
    });
    if (!event) throw new OutOfScope({ kind: "event", id: eventId }, "Fant ikke hendelsen, eller den hører til en enhet du ikke har tilgang til.");
    const alreadyAnnulled = () => new ConflictError("already_annulled", "Hendelsen er allerede annullert.");
    if (event.annulledAt) throw alreadyAnnulled();
    // Only while not annulled: of two annulments at once, the second waits for
    // the first's row lock, then finds the row annulled and changes nothing.
    const annulment = { annulledAt: new Date(), annulledById: actor.user.id, annulReason: parsed.data.reason };
    const { count } = await tx.pathwayEvent.updateMany({ where: { id: event.id, annulledAt: null }, data: annulment });
    if (count === 0) throw alreadyAnnulled();
    const annulled: AnnulledEvent = {
      id: event.id,
      code: event.code,
      outcome: event.outcome,
      activityCode: event.activityCode,
      date: toIsoDate(event.clinicalDate),
      annulledAt: annulment.annulledAt.toISOString(),
      reason: annulment.annulReason,
    };
    let evaluation = await recomputeDerived(tx, event.pathwayId, today);
    await writeAudit(
      tx,
      {
        userId: actor.user.id,
        action: "EVENT_ANNULLED",
        patientId: event.pathway.patientId,
        pathwayId: event.pathwayId,
        detail: { eventId: event.id, code: event.code, reason: parsed.data.reason },
      },
      actor.meta,
    );
    let replacement: RegisterResult | null = null;
    if (parsed.data.replacement) {
      replacement = await createCheckedEvent(
        tx,
        actor,
        event.pathwayId,
        // the same rule as a new code: a replacement that gives a notice or closes a
        // deadline late needs its own justification (the annulment's reason says why
        // the old code was wrong, not why the new one is late or unusual)
        { ...parsed.data.replacement, idempotencyKey: null },
        today,
        { replacesId: event.id },
      );
      evaluation = replacement.evaluation;
    }
    return { event: annulled, evaluation, replacement };
  }));
}

/**
 * What annul-and-replace would do with its replacement, without storing
 * anything: the same preview and justification rule as a new code, judged on
 * the pathway as it will be once the event is annulled.
 */
export async function previewReplacement(actor: Actor, eventId: string, input: { replacement: unknown }, today: IsoDate): Promise<RegistrationCheck> {
  assertCan(actor.user, "event.annul");
  const parsed = annulSchema.shape.replacement.unwrap().unwrap().safeParse(input.replacement);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  await assertEventCodedHere(prisma, eventId, actor.user.unitIds);
  return auditingDenials(actor, "event.annul", async () => {
    const event = await prisma.pathwayEvent.findFirst({ where: { id: eventId, pathway: pathwayScope(actor.user) }, select: { id: true, pathwayId: true, annulledAt: true } });
    if (!event) throw new OutOfScope({ kind: "event", id: eventId }, "Fant ikke hendelsen, eller den hører til en enhet du ikke har tilgang til.");
    if (event.annulledAt) throw new ConflictError("already_annulled", "Hendelsen er allerede annullert.");
    return checkRegistration(prisma, actor, event.pathwayId, { ...parsed.data, idempotencyKey: null }, today, { replacesId: event.id });
  });
}
