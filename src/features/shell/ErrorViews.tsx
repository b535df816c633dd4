"use client";
import { errorReference } from "@/lib/error-reference";

// What a page shows when it fails for a reason the user cannot act on, in
// Norwegian (Next's default is English), with the reference the server logged
// for it (instrumentation.ts) and nothing from the error itself (it may name a
// patient). A database outage gets its own 503 page from the server
// (scripts/lib/database-outage.mjs) before this renders.
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
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


// When the root layout itself fails (its header reads the signed-in user):
// the same Norwegian message and reference as ErrorView, in a page of its own.
export function GlobalErrorView({ error }: { error: Error & { digest?: string } }) {
  const reference = errorReference(error);
  return (
    <html lang="nb">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "3rem auto", maxWidth: "36rem", padding: "0 1rem" }}>
        <main>
          <h1>Noe gikk galt</h1>
          <p role="alert">Noe gikk galt hos oss. Prøv igjen, og kontakt support hvis feilen vedvarer.</p>
          {reference && (
            <p>
              Oppgi referansen til support: <span style={{ fontFamily: "monospace" }}>Referanse: {reference}</span>
            </p>
          )}
          <button type="button" onClick={() => window.location.reload()}>
            Last siden på nytt
          </button>
        </main>
      </body>
    </html>
  );
}
