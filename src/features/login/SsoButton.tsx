import { ssoLoginAction } from "./login-action";

/** The single sign-on button, shown when an OpenID provider is configured (AUTH_OIDC_*). */
export function SsoButton({ name, callbackPath }: { name: string; callbackPath: string | null }) {
  return (
    <form action={ssoLoginAction} className="mt-6 border-t border-slate-200 pt-6">
      {callbackPath && <input type="hidden" name="callbackUrl" value={callbackPath} />}
      <button
        type="submit"
        className="w-full rounded border border-blue-700 bg-white px-4 py-2 font-semibold text-blue-800 hover:bg-blue-50"
      >
        Logg inn med {name}
      </button>
    </form>
  );
}
