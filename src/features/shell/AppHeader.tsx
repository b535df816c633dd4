import Link from "next/link";
import { getCurrentUser } from "@/server/auth/current-user";
import { ROLE_LABELS } from "@/domain/permissions";
import { navigationFor } from "./navigation";
import { logoutAction } from "./logout-action";
import { MainMenu } from "./MainMenu";

export async function AppHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white no-print">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-blue-800">
          Forløpsvakt
        </Link>
        {user && (
          <>
            <MainMenu items={navigationFor(user.role).map(({ href, label }) => ({ href, label }))} />
            <div className="ml-auto flex items-center gap-3 text-sm">
              <span>
                {user.name} <span className="text-slate-600">({ROLE_LABELS[user.role]})</span>
              </span>
              <form action={logoutAction}>
                <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
                  Logg ut
                </button>
              </form>
            </div>
          </>
        )}
      </div>
    </header>
  );
}
