import NextAuth, { CredentialsSignin, customFetch } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { z } from "@/lib/zod";
import { baseAuthConfig } from "./base-config";
import { verifyLogin } from "./login";
import { singleSignOn } from "./single-sign-on";
import { ssoSettings } from "./sso-settings";
import { ssoFetch } from "./sso-fetch";
import { requestMetaFrom } from "@/server/request-meta";
import { headers } from "next/headers";
import { sessionOfToken } from "./session-cookie";
import { endSession, startSession } from "./sessions";
import { sessionUser } from "./session-user";
import { pooled } from "@/server/sql";
import { isDatabaseUnavailable } from "@/server/db-errors";
import { authLogger } from "./logger";

// Credentials (bcrypt), and single sign-on through an OpenID provider such as
// HelseID or Microsoft Entra ID, switched on by configuration alone
// (AUTH_OIDC_*, ./sso-settings.ts). Single sign-on users must already exist
// and be active (./single-sign-on.ts); nobody is provisioned.

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

/** The provider's id is the last part of the redirect URI to register: /api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = "oidc";

function oidcProvider(): Provider | null {
  const settings = ssoSettings();
  if (!settings) return null;
  const { issuer, clientId, name, clientAuth } = settings;
  // a client secret: Auth.js's own client_secret_basic; a private key: Auth.js
  // sends client_id only and ssoFetch adds the signed assertion (./sso-fetch.ts)
  const auth = clientAuth.method === "client_secret_basic" ? { clientSecret: clientAuth.secret } : { client: { token_endpoint_auth_method: "none" as const } };
  const fetcher = clientAuth.method === "private_key_jwt" || settings.dpop ? { [customFetch]: ssoFetch(settings) } : {};
  // state, PKCE and nonce: Auth.js's defaults for "oidc" are state and PKCE
  // the claims from the userinfo endpoint (checked against the ID token's `sub`): there, not in
  // the ID token, is where a code flow gets `email` (Entra ID without optional claims, too)
  return {
    id: SSO_PROVIDER_ID, type: "oidc", checks: ["pkce", "state", "nonce"], idToken: false, issuer, clientId, name,
    authorization: { params: { scope: settings.scopes } },
    ...auth,
    ...fetcher,
  };
}

/** Where a refused single sign-on lands: the login page says why (src/features/login/messages.ts). */
const ssoRefusedUrl = (code: string) => `/login?error=AccessDenied&code=${encodeURIComponent(code)}`;

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
    async signIn({ user, account, profile }) {
      if (account?.provider !== SSO_PROVIDER_ID) return true;
      const settings = ssoSettings();
      const subject = typeof profile?.sub === "string" ? profile.sub : null;
      if (!settings || !subject) return ssoRefusedUrl("unknown");
      const result = await singleSignOn(settings, { subject, claims: profile ?? {} }, requestMetaFrom(await headers()), new Date()).catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) return { ok: false as const, reason: "unavailable" as const };
        throw error;
      });
      if (!result.ok) return ssoRefusedUrl(result.reason);
      // the jwt callback starts the session for our user, not the provider's `sub`
      user.id = result.userId;
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
