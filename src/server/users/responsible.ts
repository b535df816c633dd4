import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { mayBeResponsible } from "@/domain/permissions";
import type { Tx } from "@/server/db";
import { ValidationError } from "@/server/errors";

// Who may be a pathway's responsible clinician, in one place for the lists
// (src/server/units/options.ts) and every service that assigns one: the rule
// itself is mayBeResponsible (src/domain/permissions.ts).

/** The same rule as a query: active clinicians, and active coordinators marked as may be responsible. */
export const responsibleUserWhere = {
  active: true,
  OR: [{ role: "CLINICIAN" }, { role: "COORDINATOR", mayBeResponsible: true }],
} satisfies Prisma.UserWhereInput;

/** The same rule in SQL, for hand-written statements (`user` is the alias of "User"). */
export function responsibleUserSql(user: string): Prisma.Sql {
  const u = Prisma.raw(`"${user}"`);
  return Prisma.sql`${u}."active" AND (${u}."role" = 'CLINICIAN' OR (${u}."role" = 'COORDINATOR' AND ${u}."mayBeResponsible"))`;
}

export const NOT_RESPONSIBLE_MESSAGE =
  "Brukeren kan ikke være ansvarlig behandler: bare behandlere, og koordinatorer som administratoren har markert for det, kan være ansvarlige for pasienter.";

/**
 * Refuses (422, on `field`) a user who is not an active member of the unit, or
 * who may not be responsible for patients.
 */
export async function assertMayBeResponsible(tx: Tx, userId: string, unitId: string, field: string, notInUnit: string): Promise<void> {
  const user = await tx.user.findFirst({
    where: { id: userId, active: true, units: { some: { unitId } } },
    select: { role: true, mayBeResponsible: true },
  });
  if (!user) throw new ValidationError({ [field]: [notInUnit] });
  if (!mayBeResponsible(user)) throw new ValidationError({ [field]: [NOT_RESPONSIBLE_MESSAGE] });
}
