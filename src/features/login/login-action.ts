"use server";
import { AuthError } from "next-auth";
import { z } from "@/lib/zod";
import { signIn } from "@/auth";

export interface LoginState {
  error: string | null;
  email: string;
}

const schema = z.object({
  email: z.string().trim().min(1, "Skriv inn e-postadressen din.").email("E-postadressen er ikke gyldig.").max(254),
  password: z.string().min(1, "Skriv inn passordet ditt.").max(200, "Passordet er for langt."),
});

const MESSAGES: Record<string, string> = {
  rate_limited: "For mange mislykkede innlogginger. Vent et kvarter og prøv igjen.",
  credentials: "Feil e-post eller passord.",
};

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = schema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { error: parsed.error.issues[0].message, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    // signIn throws a redirect on success; only authentication errors are ours.
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" ? error.code : "credentials";
      return { error: MESSAGES[code] ?? MESSAGES.credentials, email };
    }
    throw error;
  }
  return { error: null, email };
}
