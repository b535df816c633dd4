import Link from "next/link";
import { dueText, KIND_LABELS, KIND_ORDER, notificationHref } from "@/domain/notifications";
import { describeItem } from "@/domain/worklist/describe";
import type { WorklistReason } from "@/domain/worklist/rules";
import { requirePage } from "@/server/auth/guard";
import { listNotifications } from "@/server/notifications/service";
import { MarkAllReadButton, MarkReadButton } from "./MarkReadButtons";

// Varsler: the signed-in user's notifications, by kind, each linking to where
// it is dealt with. An item goes away by itself when its cause is gone (the
// worklist row is no longer there); read items stay, greyed, until then.

export async function NotificationsPage() {
  const actor = await requirePage("notifications.view");
  const { items, truncated, today } = await listNotifications(actor);
  const unread = items.filter((i) => !i.read).length;
  return (
    <section>
      <h1 className="text-2xl font-semibold">Varsler</h1>
      <p className="mt-1 text-slate-700">
        {items.length === 0 ? "Du har ingen varsler nå." : `${items.length} varsler, ${unread} uleste.`}{" "}
        <Link href="/innstillinger" className="text-blue-800 underline">Innstillinger for varsler og daglig e-post</Link>
      </p>
      {unread > 0 && <div className="mt-3"><MarkAllReadButton /></div>}
      {truncated && <p className="mt-2 text-sm">Viser de {items.length} første varslene.</p>}
      {KIND_ORDER.map((kind) => {
        const ofKind = items.filter((i) => i.kind === kind);
        if (!ofKind.length) return null;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`} className="mt-6">
            <h2 id={`kind-${kind}`} className="text-lg font-semibold">{KIND_LABELS[kind]} ({ofKind.length})</h2>
            <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
              {ofKind.map((item) => {
                const text = describeItem({ ...item, reason: item.reason as WorklistReason }, today);
                const href = notificationHref(item);
                return (
                  <li key={`${item.pathwayId}|${item.key}`} className={`flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 ${item.read ? "text-slate-600" : ""}`}>
                    <span className={item.read ? "" : "font-semibold"}>
                      {!item.read && <span className="mr-2 rounded bg-blue-100 px-1.5 text-sm text-blue-900">Ny</span>}
                      <Link href={href} className="text-blue-800 underline">{item.patientName}</Link> ({item.type})
                    </span>
                    <span>{text}</span>
                    <span className="text-sm">{dueText(item.dueOn, today)}</span>
                    {!item.read && (
                      <span className="ml-auto">
                        <MarkReadButton pathwayId={item.pathwayId} itemKey={item.key} dueOn={item.dueOn} label={`${item.patientName}: ${text}`} />
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
