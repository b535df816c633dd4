import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-semibold">Fant ikke siden</h1>
      <p className="mt-2">Siden eller forløpet finnes ikke, eller det hører til en enhet du ikke har tilgang til.</p>
      <Link href="/" className="mt-4 inline-block text-blue-800 underline">
        Til startsiden
      </Link>
    </div>
  );
}
