import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/callback-url";
import { getCurrentUser } from "@/server/auth/current-user";
import { ssoSettings } from "@/server/auth/sso-settings";
import { LoginForm } from "./LoginForm";
import { redirectErrorMessage } from "./messages";
import { SsoButton } from "./SsoButton";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  // back to the page that sent the user here, on this site only
  const callbackPath = safeCallbackPath(first(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackPath ?? "/");
  // Auth.js sends a refused login here when it did not come through the form (OIDC, a direct POST).
  const error = redirectErrorMessage(first(params.error), first(params.code));
  const sso = ssoSettings();
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-semibold">Logg inn</h1>
      <p className="mb-6 text-slate-700">Forløpsvakt – pakkeforløp psykisk helse og rus</p>
      <LoginForm initialError={error} callbackPath={callbackPath} />
      {sso && <SsoButton name={sso.name} callbackPath={callbackPath} />}
    </div>
  );
}
