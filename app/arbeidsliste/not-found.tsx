import Link from "next/link";

// Shown (status 404) for a worklist address the app did not make: a next-page
// link that is mangled or only partly copied.
export default function WorklistLinkNotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-semibold">Lenken er ugyldig</h1>
      <p className="mt-2">Lenken til denne siden av arbeidslisten er ødelagt eller bare delvis kopiert. Start fra første side.</p>
      <Link href="/arbeidsliste" className="mt-4 inline-block text-blue-800 underline">
        Til arbeidslisten
      </Link>
    </div>
  );
}
