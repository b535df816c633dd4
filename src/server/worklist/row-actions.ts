import "server-only";
import { z } from "@/lib/zod";
import { addCalendarDays } from "@/domain/rules";
import { WORKLIST_RULES } from "@/domain/worklist";
import { fromIsoDate, type IsoDate } from "@/lib/dates";
import { prisma, type Tx } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan, PermissionDenied } from "@/server/auth/assert";
import { mayExplainNotice } from "@/domain/permissions";
import type { Actor } from "@/server/auth/current-user";
import { pathwayScope } from "@/server/auth/scope";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { auditingDenials, OutOfScope } from "@/server/access-denied";
import { isUniqueViolation } from "@/server/db-errors";
import { recomputeDerived } from "@/server/pathways/derived";
import { explainSchema, postponeSchema, undoPostponementSchema } from "./schemas";

// The coordinator's actions on one worklist row. Each is one transaction with
// its audit row; the row's derived data are rewritten in the same step.

async function scopedItem(tx: Tx, actor: Actor, pathwayId: string, key: string) {
  const item = await tx.worklistItem.findFirst({
    where: { pathwayId, key, pathway: pathwayScope(actor.user) },
    select: { id: true, reason: true, noticeId: true, pathway: { select: { patientId: true, responsibleClinicianId: true } } },
  });
  // audited as denied only when the pathway is outside the actor's units (not when the row is resolved)
  if (!item) throw new OutOfScope({ kind: "pathway", id: pathwayId }, "Fant ikke raden. Den kan være løst allerede, eller høre til en enhet du ikke har tilgang til.");
  return item;
}

/** Mark a notice as explained: it leaves the worklist but stays in reports. */
export async function explainNotice(actor: Actor, input: z.input<typeof explainSchema>, today: IsoDate) {
  assertCan(actor.user, "notice.explain");
  const { pathwayId, noticeKey, justification } = explainSchema.parse(input);
  const alreadyExplained = () => new ConflictError("already_explained", "Oppmerksomheten er allerede forklart.");
  return auditingDenials(actor, "notice.explain", () => prisma.$transaction(async (tx) => {
    const item = await scopedItem(tx, actor, pathwayId, noticeKey);
    if (!mayExplainNotice(actor.user, item.pathway)) throw new PermissionDenied(403, "Bare ansvarlig behandler eller forløpskoordinatoren kan forklare oppmerksomheten.");
    if (!item.noticeId) throw new ValidationError({ noticeKey: ["Bare oppmerksomheter (NPRs funn) kan forklares."] });
    const existing = await tx.noticeExplanation.findUnique({ where: { pathwayId_noticeKey: { pathwayId, noticeKey } }, select: { id: true } });
    if (existing) throw alreadyExplained();
    await tx.noticeExplanation.create({
      data: { pathwayId, noticeKey, noticeId: item.noticeId, justification, explainedById: actor.user.id },
    });
    await recomputeDerived(tx, pathwayId, today);
    await writeAudit(
      tx,
      { userId: actor.user.id, action: "NOTICE_EXPLAINED", patientId: item.pathway.patientId, pathwayId, detail: { noticeKey } },
      actor.meta,
    );
    return { pathwayId, noticeKey };
  }).catch((error) => {
    // two coordinators at once: the unique key lets one win
    throw isUniqueViolation(error) ? alreadyExplained() : error;
  }));
}

/** Put a row aside until a date; it comes back on that date. */
export async function postponeItem(actor: Actor, input: z.input<typeof postponeSchema>, today: IsoDate) {
  assertCan(actor.user, "worklist.postpone");
  const { pathwayId, itemKey, until, reason } = postponeSchema.parse(input);
  if (until <= today) throw new ValidationError({ until: ["Velg en dato etter i dag."] });
  const latest = addCalendarDays(today, WORKLIST_RULES.maxHorizonDays);
  if (until > latest) throw new ValidationError({ until: [`Raden kan utsettes høyst ${WORKLIST_RULES.maxHorizonDays} dager.`] });
  return auditingDenials(actor, "worklist.postpone", () => prisma.$transaction(async (tx) => {
    const item = await scopedItem(tx, actor, pathwayId, itemKey);
    await tx.worklistPostponement.create({ data: { pathwayId, itemKey, until: fromIsoDate(until), reason, createdById: actor.user.id } });
    // through the pathway's derived data (not just this row), so that the
    // pathway row changes too and a registration read before it reads again
    await recomputeDerived(tx, pathwayId, today);
    await writeAudit(
      tx,
      { userId: actor.user.id, action: "WORKLIST_POSTPONED", patientId: item.pathway.patientId, pathwayId, detail: { itemKey, until } },
      actor.meta,
    );
    return { pathwayId, itemKey, until };
  }));
}

/** Take a postponement back: the row is on the worklist again at once; the postponement keeps its history. */
export async function undoPostponement(actor: Actor, input: z.input<typeof undoPostponementSchema>, today: IsoDate) {
  assertCan(actor.user, "worklist.postpone");
  const { pathwayId, itemKey } = undoPostponementSchema.parse(input);
  return auditingDenials(actor, "worklist.postpone", () => prisma.$transaction(async (tx) => {
    const item = await scopedItem(tx, actor, pathwayId, itemKey);
    // every postponement still in force (an older one would otherwise take over)
    const { count } = await tx.worklistPostponement.updateMany({
      where: { pathwayId, itemKey, undoneAt: null, until: { gt: fromIsoDate(today) } },
      data: { undoneAt: new Date(), undoneById: actor.user.id },
    });
    if (count === 0) throw new ConflictError("not_postponed", "Raden er ikke utsatt (lenger).");
    await recomputeDerived(tx, pathwayId, today);
    await writeAudit(
      tx,
      { userId: actor.user.id, action: "WORKLIST_POSTPONEMENT_UNDONE", patientId: item.pathway.patientId, pathwayId, detail: { itemKey } },
      actor.meta,
    );
    return { pathwayId, itemKey };
  }));
}

/**
 * The same, named by the postponement's id (the API: POST
 * /api/v1/worklist/postponements/{id}/undo). One outside the caller's units is
 * a 404, audited as denied; one already undone or run out is a 409.
 */
export async function undoPostponementById(actor: Actor, id: string, today: IsoDate) {
  assertCan(actor.user, "worklist.postpone");
  const postponement = await prisma.worklistPostponement.findUnique({
    where: { id },
    select: { pathwayId: true, itemKey: true, until: true, undoneAt: true },
  });
  if (!postponement) throw new NotFoundError("Fant ikke utsettelsen.");
  const inScope = await prisma.pathway.count({ where: { id: postponement.pathwayId, ...pathwayScope(actor.user) } });
  if (!inScope) {
    return auditingDenials(actor, "worklist.postpone", async () => {
      throw new OutOfScope({ kind: "pathway", id: postponement.pathwayId }, "Fant ikke utsettelsen.");
    });
  }
  if (postponement.undoneAt || postponement.until <= fromIsoDate(today)) throw new ConflictError("not_postponed", "Raden er ikke utsatt (lenger).");
  return undoPostponement(actor, { pathwayId: postponement.pathwayId, itemKey: postponement.itemKey }, today);
}
