import "server-only";
import type { z } from "@/lib/zod";
import { newToken } from "@/lib/machine-token.mjs";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma, type Tx } from "@/server/db";
import { ValidationError } from "@/server/errors";
import { createClientSchema } from "./schema";

/**
 * Creates a machine client with a new random token, returned this once (only
 * its SHA-256 is stored). The client's principal (an inactive user without
 * units or password) stands for it where records name their author; the
 * client, its units and the audit row (before/after) are one transaction.
 */
export async function createClient(actor: Actor, input: z.input<typeof createClientSchema>): Promise<{ id: string; token: string }> {
  assertCan(actor.user, "admin.clients");
  const data = createClientSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    await requireUnits(tx, data.unitIds);
    const { token, tokenId, tokenHash } = newToken();
    const id = await insertClient(tx, { ...data, tokenId, tokenHash, createdById: actor.user.id });
    await writeAudit(
      tx,
      { userId: actor.user.id, action: "CLIENT_CREATED", detail: { clientId: id, before: null, after: { name: data.name, unitIds: data.unitIds, scopes: data.scopes } } },
      actor.meta,
    );
    return { id, token };
  });
}

async function requireUnits(tx: Tx, unitIds: string[]) {
  const found = await tx.unit.count({ where: { id: { in: unitIds } } });
  if (found !== unitIds.length) throw new ValidationError({ unitIds: ["Velg enheter som finnes."] });
}

/** The client's rows (principal, client, units); also the demo seed's. */
export async function insertClient(
  tx: Tx,
  c: { name: string; unitIds: string[]; scopes: string[]; tokenId: string; tokenHash: string; createdById: string },
): Promise<string> {
  const principal = await tx.user.create({
    data: {
      email: `klient-${c.tokenId}@maskinklient.invalid`,
      name: c.name,
      // no password: a principal never logs in (and it is inactive)
      passwordHash: null,
      role: "CLINICIAN",
      active: false,
    },
    select: { id: true },
  });
  const client = await tx.machineClient.create({
    data: {
      name: c.name,
      tokenId: c.tokenId,
      tokenHash: c.tokenHash,
      scopes: c.scopes,
      principalUserId: principal.id,
      createdById: c.createdById,
      units: { create: c.unitIds.map((unitId) => ({ unitId })) },
    },
    select: { id: true },
  });
  return client.id;
}
