// The login page's messages, by the code a refused login carries (from the
// server action, or from Auth.js's redirect to /login?error=...&code=...).

export const LOGIN_MESSAGES = {
  credentials: "Feil e-post eller passord.",
  unavailable: "Databasen svarer ikke, så innlogging er ikke mulig akkurat nå. Prøv igjen om litt.",
  accessDenied: "Denne brukeren har ikke tilgang til Forløpsvakt. Kontakt administratoren.",
  failed: "Innloggingen mislyktes. Prøv igjen om litt.",
} as const;

/** A refused single sign-on, by its reason (src/domain/single-sign-on.ts). */
export const SSO_REFUSALS: Record<string, string> = {
  unknown: "Innloggingen ble avvist: det finnes ingen bruker i Forløpsvakt med e-postadressen fra enkel pålogging. Kontakt administratoren.",
  inactive: "Innloggingen ble avvist: brukeren din i Forløpsvakt er deaktivert. Kontakt administratoren.",
  linked_elsewhere:
    "Innloggingen ble avvist: brukeren med denne e-postadressen er allerede knyttet til en annen identitet i enkel pålogging. Kontakt administratoren.",
  unverified_email:
    "Innloggingen ble avvist: innloggingstjenesten bekrefter ikke e-postadressen din, så Forløpsvakt kan ikke kjenne deg igjen på den. Kontakt administratoren.",
  unknown_hpr: "Innloggingen ble avvist: det finnes ingen bruker i Forløpsvakt med HPR-nummeret ditt fra HelseID. Kontakt administratoren.",
  no_hpr: "Innloggingen ble avvist: HelseID oppga ikke noe HPR-nummer for deg, og Forløpsvakt kjenner igjen HelseID-brukere på HPR-nummeret. Kontakt administratoren.",
  security_level:
    "Innloggingen ble avvist: sikkerhetsnivået på innloggingen er for lavt for tilgang til pasientopplysninger. Logg inn på nytt med BankID eller en annen metode på høyt nivå.",
  unavailable: LOGIN_MESSAGES.unavailable,
};

/** "om 45 sekunder", "om 2 minutter" (whole minutes, rounded up, from one minute on). */
export function retryAfterText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `om ${s} ${s === 1 ? "sekund" : "sekunder"}`;
  const m = Math.ceil(s / 60);
  return `om ${m} ${m === 1 ? "minutt" : "minutter"}`;
}

function rateLimitedMessage(retryAfterSeconds?: number): string {
  return retryAfterSeconds
    ? `For mange innloggingsforsøk. Prøv igjen ${retryAfterText(retryAfterSeconds)}.`
    : "For mange innloggingsforsøk. Vent litt og prøv igjen.";
}

/** The message for a refused credentials login with Auth.js's `code`. */
export function credentialsMessage(code: unknown, retryAfterSeconds?: number): string {
  if (code === "rate_limited") return rateLimitedMessage(retryAfterSeconds);
  if (code === "unavailable") return LOGIN_MESSAGES.unavailable;
  return LOGIN_MESSAGES.credentials;
}

/** The message for Auth.js's redirect to the login page (`?error=...&code=...`); null without an error. */
export function redirectErrorMessage(error: string | undefined, code: string | undefined): string | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return credentialsMessage(code);
  if (error === "AccessDenied") return (code && Object.hasOwn(SSO_REFUSALS, code) ? SSO_REFUSALS[code] : undefined) ?? LOGIN_MESSAGES.accessDenied;
  return LOGIN_MESSAGES.failed;
}
