"use server";
import { signOut } from "@/server/auth/nextauth";
import { getCurrentSession, currentRequestMeta } from "@/server/auth/current-user";
import { endSession } from "@/server/auth/sessions";

// Logging out revokes the session's row (every server refuses the cookie from
// then on, wherever it was copied) and audits LOGOUT, in one statement, before
// Auth.js clears the cookie. If the database cannot be reached, this fails
// rather than pretending: the cookie would otherwise still be valid.
export async function logoutAction() {
  const session = await getCurrentSession();
  if (session) await endSession({ sessionId: session.sessionId, userId: session.user.id }, await currentRequestMeta());
  await signOut({ redirectTo: "/login" });
}
