import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { isUniqueViolation } from "@/server/db-errors";
import { AppError, NotFoundError } from "@/server/errors";
import { UNASSESSED } from "@/server/referrals/scope";
import { unitBody, type UnitInput } from "./schema";

// Unit administration: the pages' server actions and the API call these. Each
// change is one transaction with its audit row (UNIT_CREATED, UNIT_UPDATED,
// detail {before, after}). A unit is deactivated only when no pathway of it is
// open and no referral of it waits for assessment; a deactivated unit takes no
// new referral or pathway (src/server/units/active.ts) and is offered to no
// new user, but its history stays readable for its members.

const select = { id: true, name: true, code: true, kind: true, setting: true, pathwayTypes: true, healthTrust: true, active: true, codesRecordedIn: true } as const satisfies Prisma.UnitSelect;
type UnitRow = Prisma.UnitGetPayload<{ select: typeof select }>;

export async function listUnits(actor: Actor): Promise<UnitRow[]> {
  assertCan(actor.user, "admin.units");
  return prisma.unit.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select });
}

/** The units a user may be given (the user form's choices); also for admin.users. */
export async function unitChoices(actor: Actor): Promise<{ id: string; name: string; active: boolean }[]> {
  assertCan(actor.user, "admin.users");
  return prisma.unit.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, active: true } });
}

export async function getUnit(actor: Actor, id: string): Promise<UnitRow & { openPathways: number; unassessedReferrals: number }> {
  assertCan(actor.user, "admin.units");
  const unit = await prisma.unit.findUnique({ where: { id }, select });
  if (!unit) throw new NotFoundError("Fant ikke enheten.");
  const [openPathways, unassessedReferrals] = await Promise.all([
    prisma.pathway.count({ where: { unitId: id, status: "OPEN" } }),
    prisma.referral.count({ where: { unitId: id, ...UNASSESSED } }),
  ]);
  return { ...unit, openPathways, unassessedReferrals };
}

function taken(error: unknown): AppError | null {
  if (!isUniqueViolation(error)) return null;
  const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? "");
  return target.includes("code")
    ? new AppError(409, "code_taken", "En annen enhet har allerede denne koden.", { code: ["En annen enhet har allerede denne koden."] })
    : new AppError(409, "name_taken", "En annen enhet har allerede dette navnet.", { name: ["En annen enhet har allerede dette navnet."] });
}

async function assertFree(input: UnitInput, exceptId?: string) {
  const clash = await prisma.unit.findFirst({
    where: { OR: [{ name: input.name }, { code: input.code }], ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true, code: true },
  });
  if (clash?.code === input.code) throw taken(Object.assign(new Error(), { code: "P2002", meta: { target: "code" } }))!;
  if (clash) throw taken(Object.assign(new Error(), { code: "P2002", meta: { target: "name" } }))!;
}

export async function createUnit(actor: Actor, raw: UnitInput | Record<string, unknown>): Promise<{ id: string }> {
  assertCan(actor.user, "admin.units");
  const input = unitBody.parse(raw);
  await assertFree(input);
  try {
    return await prisma.$transaction(async (tx) => {
      const healthTrust = input.healthTrust || (await tx.unit.findFirst({ orderBy: { createdAt: "asc" }, select: { healthTrust: true } }))?.healthTrust || "";
      const unit = await tx.unit.create({ data: { ...input, healthTrust }, select });
      await writeAudit(tx, { userId: actor.user.id, action: "UNIT_CREATED", detail: { unitId: unit.id, before: null, after: unit } }, actor.meta);
      return { id: unit.id };
    });
  } catch (error) {
    throw taken(error) ?? error;
  }
}

export async function updateUnit(actor: Actor, id: string, raw: UnitInput | Record<string, unknown>): Promise<void> {
  assertCan(actor.user, "admin.units");
  const input = unitBody.parse(raw);
  await assertFree(input, id);
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.unit.findUnique({ where: { id }, select });
      if (!before) throw new NotFoundError("Fant ikke enheten.");
      const after = await tx.unit.update({ where: { id }, data: { ...input, healthTrust: input.healthTrust || before.healthTrust }, select });
      await writeAudit(tx, { userId: actor.user.id, action: "UNIT_UPDATED", detail: { unitId: id, before, after } }, actor.meta);
    });
  } catch (error) {
    throw taken(error) ?? error;
  }
}

/**
 * Deactivates or reactivates a unit. Deactivation is refused while a pathway
 * of the unit is open or a referral waits for assessment: the unit's row is
 * locked first, and new pathways and referrals lock it for share
 * (src/server/units/active.ts), so none slips in between the count and the change.
 */
export async function setUnitActive(actor: Actor, id: string, active: boolean): Promise<void> {
  assertCan(actor.user, "admin.units");
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Unit" WHERE "id" = ${id} FOR UPDATE`;
    const before = await tx.unit.findUnique({ where: { id }, select });
    if (!before) throw new NotFoundError("Fant ikke enheten.");
    if (before.active === active) return;
    if (!active) {
      const open = await tx.pathway.count({ where: { unitId: id, status: "OPEN" } });
      const waiting = await tx.referral.count({ where: { unitId: id, ...UNASSESSED } });
      if (open || waiting) {
        const parts = [
          open ? `${open} ${open === 1 ? "åpent forløp" : "åpne forløp"}` : null,
          waiting ? `${waiting} ${waiting === 1 ? "henvisning" : "henvisninger"} som ikke er vurdert` : null,
        ].filter(Boolean).join(" og ");
        const message = `Enheten kan ikke deaktiveres: den har ${parts}. Avslutt dem først.`;
        throw new AppError(422, "unit_in_use", message, { _: [message] });
      }
    }
    const after = await tx.unit.update({ where: { id }, data: { active }, select });
    await writeAudit(tx, { userId: actor.user.id, action: "UNIT_UPDATED", detail: { unitId: id, before, after } }, actor.meta);
  });
}
