import { KIND_LABELS, kindsFor, NOTIFICATION_RULES } from "@/domain/notifications";
import { requirePage } from "@/server/auth/guard";
import { digestAvailable, getNotificationSettings } from "@/server/notifications/settings";
import { SettingsForm } from "./SettingsForm";

// Innstillinger: the user's horizon for notifications and the daily e-mail
// digest (off by default; unavailable without SMTP_URL, and the page says so).

export async function SettingsPage() {
  const actor = await requirePage("notifications.view");
  const settings = await getNotificationSettings(actor);
  const kinds = kindsFor(actor.user.role).map((kind) => ({ kind, label: KIND_LABELS[kind] }));
  return (
    <section className="max-w-2xl">
      <h1 className="text-2xl font-semibold">Innstillinger</h1>
      <p className="mt-1 text-slate-700">Varsler i Forløpsvakt og den daglige e-posten. E-posten inneholder bare antall og lenker, aldri pasientopplysninger.</p>
      {!digestAvailable() && (
        <p className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          Daglig e-post er ikke tilgjengelig: serveren har ingen e-postserver (SMTP_URL er ikke satt). Varslene i Forløpsvakt virker som før.
        </p>
      )}
      <SettingsForm initial={settings} kinds={kinds} digestAvailable={digestAvailable()} maxHorizon={NOTIFICATION_RULES.maxHorizonDays} />
    </section>
  );
}
