"use client";
import { errorReference } from "@/lib/error-reference";

// What a page shows when it fails for a reason the user cannot act on, in
// Norwegian (Next's default is English), with the reference the server logged
// for it (instrumentation.ts) and nothing from the error itself (it may name a
// patient). A database outage gets its own 503 page from the server
// (scripts/lib/database-outage.mjs) before this renders.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const reference = errorReference(error);
  return (
    <div className="max-w-xl" role="alert">
      <h1 className="text-2xl font-semibold">Noe gikk galt</h1>
      <p className="mt-2">Noe gikk galt hos oss. Prøv igjen, og kontakt support hvis feilen vedvarer.</p>
      {reference && (
        <p className="mt-2">
          Oppgi referansen til support: <span className="font-mono">Referanse: {reference}</span>
        </p>
      )}
      <button type="button" onClick={() => reset()} className="mt-4 rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
        Prøv igjen
      </button>
    </div>
  );
}
