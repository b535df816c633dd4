"use client";
import { errorReference } from "@/lib/error-reference";

// When the root layout itself fails (its header reads the signed-in user):
// the same Norwegian message and reference as app/error.tsx, in a page of its own.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
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
