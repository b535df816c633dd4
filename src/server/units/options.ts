import "server-only";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/auth/current-user";
import { responsibleUserWhere } from "@/server/users/responsible";
import { compareNorwegian } from "@/lib/collate";

/** The actor's units with the pathway types they run and those who may be responsible for patients there, for forms. */
export async function unitOptionsFor(actor: Actor) {
  const units = await prisma.unit.findMany({
    where: { id: { in: actor.user.unitIds } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      setting: true,
      pathwayTypes: true,
      codesRecordedIn: true,
      members: {
        where: { user: responsibleUserWhere },
        select: { user: { select: { id: true, name: true } } },
      },
    },
  });
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    setting: u.setting,
    pathwayTypes: u.pathwayTypes,
    /** EPJ: the unit's codes are registered in the patient record system, not here */
    codesRecordedIn: u.codesRecordedIn,
    clinicians: u.members.map((m) => m.user).sort((a, b) => compareNorwegian(a.name, b.name)),
  }));
}
export type UnitOption = Awaited<ReturnType<typeof unitOptionsFor>>[number];
