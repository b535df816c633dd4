import "server-only";
import type { CurrentUser } from "./current-user";

// Unit scoping lives inside each query's `where`, never as a filter afterwards:
// a record of another unit is simply not found (404).
export function pathwayScope(user: CurrentUser) {
  return { unitId: { in: user.unitIds } };
}
