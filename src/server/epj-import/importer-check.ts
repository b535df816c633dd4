import "server-only";
import { can, scopesAllow } from "@/domain/permissions";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";

// A background import runs on after the request that started it: before each
// batch it asks the database again whether the one who started it may still
// import into the unit (as a session is asked on every request), so a
// deactivation, a lost role or unit, or a revoked machine client stops it.

/** Why the importer may no longer import into the unit (Norwegian, to finish a sentence), or null when they may. */
export async function importerRefusal(actor: Actor, unitId: string): Promise<string | null> {
  // a machine client acts through an inactive principal user (clients/create.ts): the client's row decides
  if (actor.user.client) {
    const client = await prisma.machineClient.findUnique({
      where: { id: actor.user.client.id },
      select: { revokedAt: true, scopes: true, units: { where: { unitId }, select: { unitId: true } } },
    });
    if (!client || client.revokedAt) return "maskinklienten som startet den, er trukket tilbake";
    if (!scopesAllow(client.scopes, "epj.import")) return "maskinklienten som startet den, har ikke lenger lov til å importere";
    if (client.units.length === 0) return "maskinklienten som startet den, har ikke lenger tilgang til enheten";
    return null;
  }
  const user = await prisma.user.findUnique({
    where: { id: actor.user.id },
    select: { active: true, role: true, units: { where: { unitId }, select: { unitId: true } } },
  });
  if (!user || !user.active) return "brukeren som startet den, er deaktivert";
  if (!can(user.role, "epj.import")) return "brukeren som startet den, har ikke lenger en rolle som kan importere";
  if (user.units.length === 0) return "brukeren som startet den, har ikke lenger tilgang til enheten";
  return null;
}

/** The job's stored message when it stopped for that reason. */
export function stoppedMessage(reason: string): string {
  return (
    `Importen ble stoppet før neste runde fordi ${reason}. ` +
    "Forløp som alt var importert, er beholdt: hvert forløps rader lagres helt eller ikke i det hele tatt, så ingen forløp er halvt importert. " +
    "Resten av filen er ikke importert. Importer filen på nytt med en bruker som har tilgang; det som alt er lagret, blir da stående uendret."
  );
}
