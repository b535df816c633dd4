import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { demoClientToken, newToken, type MachineToken } from "@/lib/machine-token.mjs";
import { insertClient } from "@/server/clients/create";
import { env } from "@/server/env";

// The demo machine client: the DPS unit, events:write and pathways:read, for
// trying the API as the EPJ would. Outside production its token is derived
// from AUTH_SECRET (development: .data/auth-secret), so `npm start` can print
// it on every start; in production (ALLOW_DEMO_SEED) it gets a random token
// that nobody ever sees, so a production database never has a known one.

export const DEMO_CLIENT_NAME = "Demo-EPJ (DPS)";

export function demoClientTokenForSeed(): MachineToken {
  const secret = env("AUTH_SECRET") ?? env("NEXTAUTH_SECRET");
  if (process.env.NODE_ENV === "production" || !secret) return newToken();
  return demoClientToken(secret);
}

export async function seedDemoClient(db: PrismaClient, dpsUnitId: string, adminId: string): Promise<void> {
  const { tokenId, tokenHash } = demoClientTokenForSeed();
  await db.$transaction((tx) =>
    insertClient(tx, { name: DEMO_CLIENT_NAME, unitIds: [dpsUnitId], scopes: ["events:write", "pathways:read"], tokenId, tokenHash, createdById: adminId }),
  );
}
