import "server-only";
import { z } from "@/lib/zod";
import { CODES_RECORDED_IN, CODES_RECORDED_IN_LABELS, type CodesRecordedIn } from "@/domain/codes-recorded-in";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma, type Tx } from "@/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";

// One record of each code (issue 19): per unit, either the patient record
// system (EPJ) or Forløpsvakt holds the pathway codes, never both.
// - EPJ leads: the app's coding (register, annul, correct) is refused for the
//   unit's pathways; the daily import keeps them current.
// - Forløpsvakt leads: codes are registered here (and exported with
//   `npm run export`); an import into the unit is refused, except as a one-time
//   migration (`npm run import -- --migrate`, the checkbox on /import).
// Set by the administrator (setCodesRecordedIn).

export { CODES_RECORDED_IN, CODES_RECORDED_IN_LABELS, type CodesRecordedIn };
export const codesRecordedInSchema = z.enum(CODES_RECORDED_IN, { error: "Velg EPJ eller FORLOPSVAKT." });


/** 409 for a code written in the app to a unit whose codes the EPJ holds. */
export class CodesRecordedInEpj extends ConflictError {
  constructor(unitName: string) {
    super(
      "codes_recorded_in_epj",
      `${unitName} koder pakkeforløp i pasientjournalen (EPJ). Registrer eller rett koden der; den kommer hit med neste import.`,
    );
  }
}

/** 409 for an import into a unit whose codes Forløpsvakt holds (unless a one-time migration). */
export class CodesRecordedInForlopsvakt extends ConflictError {
  constructor(unitName: string) {
    super(
      "codes_recorded_in_forlopsvakt",
      `${unitName} koder pakkeforløp i Forløpsvakt, så et uttrekk fra pasientjournalen kan ikke importeres dit (kodene ville blitt registrert to steder). ` +
        "En engangs overføring av eldre koder: velg «Engangs overføring» (npm run import -- --migrate).",
    );
  }
}

/**
 * Refuses app coding on a pathway of an EPJ-led unit. A pathway outside the
 * actor's units passes here (the caller's own scope check answers 404).
 */
export async function assertCodedHere(db: Tx, pathwayId: string, unitIds: readonly string[]): Promise<void> {
  const pathway = await db.pathway.findFirst({
    where: { id: pathwayId, unitId: { in: [...unitIds] } },
    select: { unit: { select: { name: true, codesRecordedIn: true } } },
  });
  if (pathway?.unit.codesRecordedIn === "EPJ") throw new CodesRecordedInEpj(pathway.unit.name);
}

/** The same for an event, by the event's id. */
export async function assertEventCodedHere(db: Tx, eventId: string, unitIds: readonly string[]): Promise<void> {
  const event = await db.pathwayEvent.findFirst({
    where: { id: eventId, pathway: { unitId: { in: [...unitIds] } } },
    select: { pathway: { select: { unit: { select: { name: true, codesRecordedIn: true } } } } },
  });
  if (event?.pathway.unit.codesRecordedIn === "EPJ") throw new CodesRecordedInEpj(event.pathway.unit.name);
}

/** The same for a new pathway (with its first code) in a unit. */
export async function assertUnitCodedHere(db: Tx, unitId: string): Promise<void> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { name: true, codesRecordedIn: true } });
  if (unit?.codesRecordedIn === "EPJ") throw new CodesRecordedInEpj(unit.name);
}

/** An import into the unit: allowed when the EPJ leads, or as a one-time migration. */
export async function assertImportAllowed(db: Tx, unitId: string, migrate: boolean): Promise<void> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { name: true, codesRecordedIn: true } });
  if (unit && unit.codesRecordedIn === "FORLOPSVAKT" && !migrate) throw new CodesRecordedInForlopsvakt(unit.name);
}

export async function codesRecordedInOf(unitId: string): Promise<CodesRecordedIn> {
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { codesRecordedIn: true } });
  return unit?.codesRecordedIn ?? "FORLOPSVAKT";
}

/**
 * The administrator sets which system holds a unit's codes; one audit row
 * (from, to). For the admin unit pages: call with the form's or the API's
 * `codesRecordedIn` field (validated here with codesRecordedInSchema).
 */
export async function setCodesRecordedIn(actor: Actor, unitId: string, value: unknown): Promise<{ id: string; codesRecordedIn: CodesRecordedIn }> {
  assertCan(actor.user, "admin.units");
  const parsed = codesRecordedInSchema.safeParse(value);
  if (!parsed.success) throw new ValidationError({ codesRecordedIn: ["Velg EPJ eller FORLOPSVAKT."] });
  return prisma.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: typeof unitId === "string" ? unitId : "" }, select: { id: true, codesRecordedIn: true } });
    if (!unit) throw new NotFoundError("Fant ikke enheten.");
    if (unit.codesRecordedIn !== parsed.data) {
      await tx.unit.update({ where: { id: unit.id }, data: { codesRecordedIn: parsed.data } });
      await writeAudit(
        tx,
        { userId: actor.user.id, action: "UNIT_CODES_RECORDED_IN_CHANGED", detail: { unitId: unit.id, from: unit.codesRecordedIn, to: parsed.data } },
        actor.meta,
      );
    }
    return { id: unit.id, codesRecordedIn: parsed.data };
  });
}
