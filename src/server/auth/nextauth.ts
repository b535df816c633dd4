import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { z } from "@/lib/zod";
import { env } from "@/server/env";
import { baseAuthConfig } from "./base-config";
import { verifyLogin, findActiveUserByEmail } from "./login";
import { requestMetaFrom } from "@/server/request-meta";
import { headers } from "next/headers";
import { sessionOfToken } from "./session-cookie";
import { endSession, startSession } from "./sessions";
import { sessionUser } from "./session-user";
import { pooled } from "@/server/sql";
import { isDatabaseUnavailable } from "@/server/db-errors";
import { authLogger } from "./logger";

// Credentials (bcrypt) today. An OIDC provider such as HelseID or Azure AD is
// switched on by configuration alone: set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID,
// AUTH_OIDC_CLIENT_SECRET (and AUTH_OIDC_NAME for the button). OIDC users must
// already exist (matched by e-mail) and be active; nobody is provisioned.

// Refusals with a code the login page turns into a Norwegian message
// (src/features/login/messages.ts); Auth.js passes the code on.
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

class DatabaseUnavailable extends CredentialsSignin {
  code = "unavailable";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

function oidcProvider(): Provider | null {
  const issuer = env("AUTH_OIDC_ISSUER");
  const clientId = env("AUTH_OIDC_CLIENT_ID");
  if (!issuer || !clientId) return null;
  return {
    id: "oidc",
    name: env("AUTH_OIDC_NAME") ?? "HelseID",
    type: "oidc",
    issuer,
    clientId,
    clientSecret: env("AUTH_OIDC_CLIENT_SECRET"),
  };
}

export const { handlers, signIn, signOut } = NextAuth({
  ...baseAuthConfig,
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: { label: "E-post" }, password: { label: "Passord", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyLogin({ ...parsed.data, ...requestMetaFrom(request.headers) }).catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) throw new DatabaseUnavailable();
          throw error;
        });
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (result.reason === "rate_limited") throw new RateLimited(result.retryAfterSeconds);
        return null;
      },
    }),
    ...[oidcProvider()].filter((p): p is Provider => p !== null),
  ],
  callbacks: {
    ...baseAuthConfig.callbacks,
    // At sign-in: a session row, whose id the token carries. Otherwise (only
    // Auth.js's own /api/auth/session, which re-issues the cookie): the same
    // check as every request, so a dead session is never renewed there either.
    async jwt({ token, user }) {
      const now = new Date();
      if (user?.id) {
        const sessionId = await startSession(user.id, now).catch((error: unknown) => {
          // the login page's outage message, not Auth.js's generic failure
          if (isDatabaseUnavailable(error)) throw new DatabaseUnavailable();
          throw error;
        });
        // deactivated between the password check and now: a refused login, not a silent redirect
        if (!sessionId) throw new CredentialsSignin();
        return { ...token, sub: user.id, sid: sessionId, loginAt: Math.floor(now.getTime() / 1000) };
      }
      const session = sessionOfToken(token);
      return session && (await sessionUser(pooled({ prepared: true }), session, now)) ? token : null;
    },
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      const known = user.email ? await findActiveUserByEmail(user.email) : null;
      if (!known) return false;
      user.id = known.id;
      return true;
    },
  },
  events: {
    // Any sign-out through Auth.js (also POST /api/auth/signout) revokes the
    // session; the logout action has done so already, and then this changes nothing.
    async signOut(message) {
      const session = "token" in message && message.token ? sessionOfToken(message.token) : null;
      if (session) await endSession(session, requestMetaFrom(await headers()));
    },
  },
});
