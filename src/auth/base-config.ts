import type { NextAuthConfig } from "next-auth";
import { IDLE_TIMEOUT_SECONDS, MAX_SESSION_SECONDS } from "./settings";

// The part of the Auth.js configuration that needs no database: used by the
// proxy (every request) and extended with providers in ./index.ts.
// Sessions are JWTs whose expiry is pushed forward on every request through the
// proxy, so `maxAge` = idle timeout. `loginAt` bounds the absolute lifetime.

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}

export const baseAuthConfig = {
  trustHost: true,
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
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
      const lastActivity = Number(token.lastActivity ?? 0);
      const loginAt = Number(token.loginAt ?? 0);
      if (nowSeconds - lastActivity > IDLE_TIMEOUT_SECONDS) return null;
      if (nowSeconds - loginAt > MAX_SESSION_SECONDS) return null;
      token.lastActivity = nowSeconds;
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.sub ?? "");
      session.user.email = String(token.email ?? "");
      session.user.name = String(token.name ?? "");
      return session;
    },
  },
} satisfies NextAuthConfig;
