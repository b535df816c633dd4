"use client";

// What a page shows when it fails for a reason the user cannot act on, in
// Norwegian (Next's default is English). A database outage gets its own 503
// page from the server (scripts/lib/database-outage.mjs) before this renders.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl" role="alert">
      <h1 className="text-2xl font-semibold">Noe gikk galt</h1>
      <p className="mt-2">Noe gikk galt hos oss. Prøv igjen, og kontakt support hvis feilen vedvarer.</p>
      <button type="button" onClick={() => reset()} className="mt-4 rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
        Prøv igjen
      </button>
    </div>
  );
}
