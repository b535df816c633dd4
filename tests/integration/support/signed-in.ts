import type { Actor } from "@/server/auth/current-user";

// A stand-in for src/server/auth/guard.ts in tests that call route handlers or
// server actions directly: the permission checks are the real ones, only "who
// is signed in" comes from the test, as the session cookie would supply it.
// Use: vi.mock("@/server/auth/guard", () => signedInGuard(() => current));
export async function signedInGuard(current: () => Actor | null) {
  const { assertCan, PermissionDenied } = await import("@/server/auth/assert");
  return {
    PermissionDenied,
    assertCan,
    requireActor: async (action?: Parameters<typeof assertCan>[1]) => {
      const actor = current();
      if (!actor) throw new PermissionDenied(401);
      if (action) assertCan(actor.user, action);
      return actor;
    },
  };
}
