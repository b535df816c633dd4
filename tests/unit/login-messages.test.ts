import { describe, expect, it } from "vitest";
import { credentialsMessage, redirectErrorMessage, retryAfterText } from "@/features/login/messages";
import { authErrorLine } from "@/server/auth/logger";

describe("login messages", () => {
  it("say when to try again, in seconds under a minute, else in whole minutes rounded up", () => {
    expect(retryAfterText(1)).toBe("om 1 sekund");
    expect(retryAfterText(45)).toBe("om 45 sekunder");
    expect(retryAfterText(60)).toBe("om 1 minutt");
    expect(retryAfterText(61)).toBe("om 2 minutter");
    expect(credentialsMessage("rate_limited", 120)).toBe("For mange innloggingsforsøk. Prøv igjen om 2 minutter.");
  });

  it("name a database outage as such, not as a wrong password or Auth.js's 'Configuration'", () => {
    expect(credentialsMessage("unavailable")).toBe("Databasen svarer ikke, så innlogging er ikke mulig akkurat nå. Prøv igjen om litt.");
    expect(redirectErrorMessage("CredentialsSignin", "unavailable")).toBe(credentialsMessage("unavailable"));
    expect(redirectErrorMessage("Configuration", undefined)).toBe("Innloggingen mislyktes. Prøv igjen om litt.");
    expect(redirectErrorMessage(undefined, undefined)).toBeNull();
    // a code in the URL is anyone's to write: unknown ones read as a wrong password
    expect(redirectErrorMessage("CredentialsSignin", "<script>")).toBe("Feil e-post eller passord.");
  });
});

describe("authErrorLine", () => {
  it("is one line: the refusal's code, or the error's type and its cause's class and code", () => {
    // (Auth.js's errors as they arrive; the real ones: tests/integration/login.integration.test.ts)
    const refused = Object.assign(new Error("Read more at https://errors.authjs.dev#credentialssignin"), { type: "CredentialsSignin", code: "rate_limited" });
    expect(authErrorLine(refused)).toBe("[auth] Innlogging avvist (rate_limited)");
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432 kari@test.invalid"), { code: "ECONNREFUSED" });
    const failed = Object.assign(new Error("Read more at https://errors.authjs.dev#callbackrouteerror", { cause: { err: cause } }), { type: "CallbackRouteError" });
    expect(authErrorLine(failed)).toBe("[auth] CallbackRouteError: Error (ECONNREFUSED)");
  });
});
