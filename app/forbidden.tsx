import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-semibold">Ingen tilgang</h1>
      <p className="mt-2">Rollen din gir ikke tilgang til denne siden. Kontakt leder eller administrator hvis du trenger tilgang.</p>
      <Link href="/" className="mt-4 inline-block text-blue-800 underline">
        Til startsiden
      </Link>
    </div>
  );
}
