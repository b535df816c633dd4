import Link from "next/link";
import { getCurrentSession } from "@/server/auth/current-user";
import { ROLE_LABELS } from "@/domain/permissions";
import { navigationFor } from "./navigation";
import { logoutAction } from "./logout-action";
import { MainMenu } from "./MainMenu";
import { countLabel } from "@/domain/notifications";
import { unreadNotificationCount } from "@/server/notifications/service";

export async function AppHeader() {
  const session = await getCurrentSession();
  const user = session?.user;
  // kept with the session for a minute (src/server/notifications/header-count.ts); null for roles without notifications
  const unread = session ? await unreadNotificationCount(session) : null;
  return (
    <header className="border-b border-slate-200 bg-white no-print">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-blue-800">
          Forløpsvakt
        </Link>
        {user && (
          <>
            <MainMenu items={navigationFor(user.role).map(({ href, label }) => ({ href, label }))} />
            <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
              {unread !== null && (
                <>
                  <Link href="/varsler" className="rounded px-2 py-1 font-semibold text-blue-800 underline hover:bg-blue-50">
                    Varsler ({countLabel(unread)})
                  </Link>
                  <Link href="/innstillinger" className="text-blue-800 underline">Innstillinger</Link>
                </>
              )}
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
