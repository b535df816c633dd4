"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "@/lib/zod";
import { safeCallbackPath } from "@/lib/callback-url";
import { redirect } from "next/navigation";
import { SSO_PROVIDER_ID, signIn } from "@/server/auth/nextauth";
import { ssoSettings } from "@/server/auth/sso-settings";
import { pushAuthorizationRequest } from "@/server/auth/pushed-authorization";
import { LOGIN_MESSAGES, credentialsMessage } from "./messages";

export interface LoginState {
  error: string | null;
  email: string;
}

const schema = z.object({
  email: z.string().trim().min(1, "Skriv inn e-postadressen din.").email("E-postadressen er ikke gyldig.").max(254),
  password: z.string().min(1, "Skriv inn passordet ditt.").max(200, "Passordet er for langt."),
});

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = schema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { error: parsed.error.issues[0].message, email };
  try {
    // the page the user came from, when it is a path of this site; else the role's home ("/")
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(formData.get("callbackUrl")) ?? "/" });
  } catch (error) {
    // signIn throws a redirect on success; only authentication errors are ours.
    if (error instanceof CredentialsSignin) {
      const retryAfter = "retryAfterSeconds" in error && typeof error.retryAfterSeconds === "number" ? error.retryAfterSeconds : undefined;
      return { error: credentialsMessage(error.code, retryAfter), email };
    }
    if (error instanceof AuthError) return { error: LOGIN_MESSAGES.failed, email };
    throw error;
  }
  return { error: null, email };
}

/** "Logg inn med …": off to the OpenID provider, and back to the page the user came from. */
export async function ssoLoginAction(formData: FormData): Promise<void> {
  // called by hand with anything, or with single sign-on switched off: the login page, never a 5xx
  const settings = ssoSettings();
  if (!settings) redirect("/login");
  const callbackUrl = formData instanceof FormData ? formData.get("callbackUrl") : null;
  const redirectTo = safeCallbackPath(callbackUrl) ?? "/";
  if (!settings.par) {
    await signIn(SSO_PROVIDER_ID, { redirectTo });
    return;
  }
  // PAR (HelseID): Auth.js builds the request and sets its cookies (state, PKCE, nonce); the server pushes it
  const authorizationUrl: string = await signIn(SSO_PROVIDER_ID, { redirectTo, redirect: false });
  const target = await pushAuthorizationRequest(settings, authorizationUrl).catch((error: unknown) => {
    console.error(`single sign-on: the pushed authorization request failed (${error instanceof Error ? error.message : "unknown error"})`);
    return null;
  });
  redirect(target ?? "/login?error=PushedAuthorizationRequest");
}
