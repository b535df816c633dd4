import Link from "next/link";

// Shown (status 404) for a drill-down address the reports did not make: an
// unknown selection, an impossible month, a mangled id.
export default function DrillDownLinkNotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-semibold">Lenken er ugyldig</h1>
      <p className="mt-2">Lenken til forløpene bak tallet er ødelagt eller bare delvis kopiert. Gå tilbake til rapportene og velg tallet på nytt.</p>
      <Link href="/rapporter" className="mt-4 inline-block text-blue-800 underline">
        Tilbake til rapportene
      </Link>
    </div>
  );
}
