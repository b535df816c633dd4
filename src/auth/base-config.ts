import type { NextAuthConfig } from "next-auth";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { touchedToken } from "./session-rules";
import { IDLE_TIMEOUT_SECONDS } from "./settings";

// The part of the Auth.js configuration that needs no database, extended with
// providers in ./index.ts. The token format and the session rules are shared
// with the proxy and the per-request reader (session-cookie.ts).
// Sessions are JWTs whose expiry the proxy pushes forward (at most once a
// minute, see session-cookie.ts), so `maxAge` = idle timeout. `loginAt` bounds
// the absolute lifetime.

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}

export const baseAuthConfig = {
  trustHost: true,
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      const nowSeconds = Math.floor(Date.now() / 1000);
      if (user?.id) {
        token.sub = user.id;
        token.loginAt = nowSeconds;
        token.lastActivity = nowSeconds;
        return token;
      }
      return touchedToken(token, nowSeconds);
    },
    session({ session, token }) {
      session.user.id = String(token.sub ?? "");
      session.user.email = String(token.email ?? "");
      session.user.name = String(token.name ?? "");
      return session;
    },
  },
} satisfies NextAuthConfig;
