"use client";

// When the root layout itself fails (its header reads the signed-in user):
// the same Norwegian message as app/error.tsx, in a page of its own.
export default function GlobalError() {
  return (
    <html lang="nb">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "3rem auto", maxWidth: "36rem", padding: "0 1rem" }}>
        <h1>Noe gikk galt</h1>
        <p role="alert">Noe gikk galt hos oss. Prøv igjen, og kontakt support hvis feilen vedvarer.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Last siden på nytt
        </button>
      </body>
    </html>
  );
}
