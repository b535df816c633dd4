import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { accountChangeRefusal, ROLES_WITH_UNITS, unitsRefusal } from "@/domain/admin/user-change";
import type { Role } from "@/domain/permissions";
import { prisma, type Tx } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { isUniqueViolation } from "@/server/db-errors";
import { AppError, NotFoundError, ValidationError } from "@/server/errors";
import { generatePassword, hashPassword, isSsoOnly, NO_PASSWORD } from "./password";
import { createUserBody, updateUserBody, type CreateUserInput, type UpdateUserInput } from "./schema";

// User administration: the pages' server actions and the API call these. Each
// change is one transaction with its audit row (USER_CREATED, USER_UPDATED,
// USER_PASSWORD_RESET, detail {before, after}: never a password or a hash).
// A change of role, units or active takes effect on the user's next request:
// every request reads the user's row (src/server/auth/session-user.ts), and a
// deactivation revokes the user's sessions (a database trigger).

const select = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  mayBeResponsible: true,
  hprNumber: true,
  passwordHash: true,
  lastLoginAt: true,
  units: { select: { unitId: true }, orderBy: { unitId: "asc" } },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof select }>;

/** What the audit row and the list show of a user: nothing secret. */
function view(user: UserRow) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    unitIds: user.units.map((u) => u.unitId),
    active: user.active,
    mayBeResponsible: user.mayBeResponsible,
    ssoOnly: isSsoOnly(user.passwordHash),
    hprNumber: user.hprNumber,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
export type AdminUser = ReturnType<typeof view>;

const auditView = ({ lastLoginAt: _, ...rest }: AdminUser) => rest;

export async function listUsers(actor: Actor, input: { q?: string } = {}): Promise<AdminUser[]> {
  assertCan(actor.user, "admin.users");
  const q = input.q?.trim();
  const users = await prisma.user.findMany({
    // a machine client's principal is no person: never listed, never changed here
    where: { machineClient: null, ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { email: { contains: q, mode: "insensitive" as const } }] } : {}) },
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
    take: 500,
    select,
  });
  return users.map(view);
}

export async function getUser(actor: Actor, id: string): Promise<AdminUser> {
  assertCan(actor.user, "admin.users");
  const user = await prisma.user.findFirst({ where: { id, machineClient: null }, select });
  if (!user) throw new NotFoundError("Fant ikke brukeren.");
  return view(user);
}

/** Units must exist and be active; refused with a field message otherwise. */
async function assertUnits(tx: Tx, role: Role, unitIds: string[], before: string[] = []) {
  const refusal = unitsRefusal(role, unitIds.length);
  if (refusal) throw new ValidationError({ unitIds: [refusal] });
  if (!unitIds.length) return;
  // a unit the user already has may stay although it was deactivated since
  const found = await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, active: true } });
  const ok = found.filter((u) => u.active || before.includes(u.id)).length;
  if (ok !== unitIds.length) throw new ValidationError({ unitIds: ["Velg blant de aktive enhetene."] });
}

const hprTaken = () =>
  new AppError(409, "hpr_taken", "En annen bruker har allerede dette HPR-nummeret.", { hprNumber: ["En annen bruker har allerede dette HPR-nummeret."] });

/** Refused when another user has this HPR number (HelseID logins would not know whom to let in). */
async function assertHprFree(tx: Tx, hprNumber: string | null | undefined, userId?: string) {
  if (!hprNumber) return;
  const other = await tx.user.findFirst({ where: { hprNumber, ...(userId ? { id: { not: userId } } : {}) }, select: { id: true } });
  if (other) throw hprTaken();
}

/** Which unique value a violation was about (two changes at once that passed the checks). */
const uniqueTaken = (error: unknown) => (String((error as { message?: unknown })?.message ?? "").includes("hprNumber") ? hprTaken() : emailTaken());

const emailTaken = () =>
  new AppError(409, "email_taken", "Det finnes allerede en bruker med denne e-postadressen.", {
    email: ["Det finnes allerede en bruker med denne e-postadressen."],
  });

/**
 * A new user. `login: "password"` without a password of the caller's: one is
 * generated and returned (shown once, never stored in clear). No password:
 * single sign-on only.
 */
export async function createUser(
  actor: Actor,
  raw: CreateUserInput | Record<string, unknown>,
  login: "password" | "sso" = "sso",
): Promise<{ id: string; password: string | null }> {
  assertCan(actor.user, "admin.users");
  const input = createUserBody.parse(raw);
  const generated = !input.password && login === "password" ? generatePassword() : null;
  const password = input.password ?? generated;
  const passwordHash = password ? await hashPassword(password) : NO_PASSWORD;
  try {
    const id = await prisma.$transaction(async (tx) => {
      await assertUnits(tx, input.role, input.unitIds);
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
      await assertHprFree(tx, input.hprNumber);
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, passwordHash, hprNumber: input.hprNumber ?? null, units: { create: input.unitIds.map((unitId) => ({ unitId })) } },
        select,
      });
      await writeAudit(tx, { userId: actor.user.id, action: "USER_CREATED", detail: { userId: user.id, before: null, after: auditView(view(user)) } }, actor.meta);
      return user.id;
    });
    return { id, password: generated };
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueTaken(error);
    throw error;
  }
}

/** Role, units, active, may-be-responsible and HPR number of a user; refuses deactivating oneself and removing the last active administrator. */
export async function updateUser(actor: Actor, id: string, raw: UpdateUserInput | Record<string, unknown>): Promise<AdminUser> {
  assertCan(actor.user, "admin.users");
  const input = updateUserBody.parse(raw);
  return prisma.$transaction(async (tx) => {
    await assertHprFree(tx, input.hprNumber, id);
    // administrators' rows locked in one order: two changes cannot each remove "the other" last administrator
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${id} OR ("role" = 'ADMIN' AND "active") ORDER BY "id" FOR UPDATE`;
    const row = await tx.user.findFirst({ where: { id, machineClient: null }, select });
    if (!row) throw new NotFoundError("Fant ikke brukeren.");
    const before = view(row);
    const after = { role: input.role ?? before.role, unitIds: input.unitIds ?? before.unitIds, active: input.active ?? before.active, mayBeResponsible: input.mayBeResponsible ?? before.mayBeResponsible };
    const otherActiveAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: id } } });
    const refusal = accountChangeRefusal({ actorId: actor.user.id, userId: id, before, after, otherActiveAdmins });
    if (refusal) throw new AppError(422, "not_allowed", refusal, { _: [refusal] });
    // a role without units drops them: moving a clinician to personvern need not name the units too
    if (input.unitIds === undefined && !ROLES_WITH_UNITS.includes(after.role)) after.unitIds = [];
    await assertUnits(tx, after.role, after.unitIds, before.unitIds);
    const hprNumber = input.hprNumber === undefined ? {} : { hprNumber: input.hprNumber };
    await tx.user.update({ where: { id }, data: { role: after.role, active: after.active, mayBeResponsible: after.mayBeResponsible, ...hprNumber } });
    if (after.unitIds.join() !== before.unitIds.join()) {
      await tx.userUnit.deleteMany({ where: { userId: id } });
      await tx.userUnit.createMany({ data: after.unitIds.map((unitId) => ({ userId: id, unitId })) });
    }
    const updated = view(await tx.user.findUniqueOrThrow({ where: { id }, select }));
    await writeAudit(tx, { userId: actor.user.id, action: "USER_UPDATED", detail: { userId: id, before: auditView(before), after: auditView(updated) } }, actor.meta);
    return updated;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw uniqueTaken(error);
    throw error;
  });
}

/**
 * A new password for a user, generated and returned once. The user's other
 * sessions end (a reset is often because the account may be in other hands);
 * an administrator resetting their own keeps the session they are in.
 */
export async function resetPassword(actor: Actor, id: string, currentSessionId?: string): Promise<{ password: string }> {
  assertCan(actor.user, "admin.users");
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const row = await tx.user.findFirst({ where: { id, machineClient: null }, select: { id: true, passwordHash: true } });
    if (!row) throw new NotFoundError("Fant ikke brukeren.");
    await tx.user.update({ where: { id }, data: { passwordHash } });
    await tx.userSession.updateMany({
      where: { userId: id, revokedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await writeAudit(
      tx,
      { userId: actor.user.id, action: "USER_PASSWORD_RESET", detail: { userId: id, before: { ssoOnly: isSsoOnly(row.passwordHash) }, after: { ssoOnly: false } } },
      actor.meta,
    );
  });
  return { password };
}
