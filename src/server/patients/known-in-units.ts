import "server-only";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/auth/current-user";

/**
 * Whether the actor's units know the patient already (a referral there): only
 * then may an answer differ from the one for an unknown national id, or show
 * the name the patient register holds (see link.ts).
 */
export async function knownInUnits(actor: Actor, patientId: string): Promise<boolean> {
  const referral = await prisma.referral.findFirst({ where: { patientId, unitId: { in: actor.user.unitIds } }, select: { id: true } });
  return referral !== null;
}
