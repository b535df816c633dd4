import "server-only";
import { isScope } from "@/domain/permissions";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma, type Tx } from "@/server/db";
import type { MachineClientView } from "./schema";

// The machine clients for the administrator (page and API): never a token or
// its hash, no patient data.

const CLIENT_SELECT = {
  id: true,
  name: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
  units: { select: { unit: { select: { id: true, name: true } } }, orderBy: { unit: { name: "asc" } } },
} as const;

export async function listClients(actor: Actor): Promise<MachineClientView[]> {
  assertCan(actor.user, "admin.clients");
  const rows = await prisma.machineClient.findMany({ select: CLIENT_SELECT, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1000 });
  return rows.map(toView);
}

/** One client as the list shows it. */
export async function clientView(db: Tx, id: string): Promise<MachineClientView | null> {
  const row = await db.machineClient.findUnique({ where: { id }, select: CLIENT_SELECT });
  return row ? toView(row) : null;
}

type Row = Awaited<ReturnType<typeof prisma.machineClient.findMany<{ select: typeof CLIENT_SELECT }>>>[number];

function toView(row: Row): MachineClientView {
  return {
    id: row.id,
    name: row.name,
    units: row.units.map((u) => u.unit),
    scopes: row.scopes.filter(isScope),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy.name,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
