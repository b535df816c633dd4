import "server-only";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { clientView } from "./list";
import type { MachineClientView } from "./schema";

/**
 * Revokes a machine client: its next call is refused (every call reads the
 * row). Revoking a revoked client changes nothing and writes no audit row.
 */
export async function revokeClient(actor: Actor, clientId: string, at: Date = new Date()): Promise<MachineClientView> {
  assertCan(actor.user, "admin.clients");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.machineClient.updateMany({ where: { id: clientId, revokedAt: null }, data: { revokedAt: at } });
    const view = await clientView(tx, clientId);
    if (!view) throw new NotFoundError("Fant ikke klienten.");
    if (count === 1) {
      await writeAudit(
        tx,
        { userId: actor.user.id, action: "CLIENT_REVOKED", detail: { clientId, before: { revokedAt: null }, after: { revokedAt: view.revokedAt } } },
        actor.meta,
      );
    }
    return view;
  });
}
