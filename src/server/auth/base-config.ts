import type { NextAuthConfig } from "next-auth";
import { MAX_SESSION_SECONDS } from "./settings";

// The part of the Auth.js configuration that needs no database, extended with
// providers and the session's row (the jwt callback) in ./nextauth.ts. The token
// is Auth.js's own; the proxy and the per-request reader (session-cookie.ts)
// read it with Auth.js's decode.
// The token names a session row that every request checks (idle timeout,
// logout); our code never renews the cookie (Auth.js's own /api/auth/session
// may re-issue it, still carrying `loginAt`), so `maxAge` is the absolute
// session lifetime, which `loginAt` in the token and the row's createdAt bound as well.

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}

export const baseAuthConfig = {
  trustHost: true,
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: MAX_SESSION_SECONDS },
  providers: [],
  callbacks: {
    session({ session, token }) {
      session.user.id = String(token.sub ?? "");
      session.user.email = String(token.email ?? "");
      session.user.name = String(token.name ?? "");
      return session;
    },
  },
} satisfies NextAuthConfig;
