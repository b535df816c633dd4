import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { pooled } from "@/server/sql";
import { digestFailures } from "@/server/notifications/digest";

// For administrators (mount on /admin): daily digests that failed after the
// last try. Who and which day only: the mail's content is never stored.

export async function DigestFailures() {
  await requirePage("admin.users");
  const failures = await digestFailures(pooled());
  return (
    <section aria-labelledby="digest-failures" className="mt-6">
      <h2 id="digest-failures" className="text-lg font-semibold">Daglig e-post som ikke kom fram</h2>
      {failures.length === 0 ? (
        <p className="mt-1">Ingen: alle daglige e-poster er sendt.</p>
      ) : (
        <table className="mt-2 text-sm">
          <thead>
            <tr><th scope="col" className="pr-4 text-left">Bruker</th><th scope="col" className="pr-4 text-left">Dag</th><th scope="col" className="pr-4 text-left">Forsøk</th><th scope="col" className="text-left">Feil</th></tr>
          </thead>
          <tbody>
            {failures.map((f) => (
              <tr key={f.id}><td className="pr-4">{f.email}</td><td className="pr-4">{formatNorwegianDate(f.day)}</td><td className="pr-4">{f.attempts}</td><td>{f.lastError ?? "–"}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
