import "server-only";
import type { Tx } from "@/server/db";
import { ValidationError } from "@/server/errors";

// A deactivated unit (src/server/admin/units/service.ts) takes no new referral
// or pathway. The check locks the unit's row for share, so a deactivation
// running at the same moment waits for this transaction (and then sees its
// new pathway or referral) or comes first (and this one is refused).
export async function assertUnitTakesNew(tx: Tx, unitId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ active: boolean }[]>`SELECT "active" FROM "Unit" WHERE "id" = ${unitId} FOR SHARE`;
  if (rows[0] && !rows[0].active) {
    throw new ValidationError({ unitId: ["Enheten er deaktivert og tar ikke imot nye henvisninger eller forløp."] });
  }
}
