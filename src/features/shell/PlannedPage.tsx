// A page whose content arrives in a later issue: it says plainly what will be here.
export function PlannedPage({ title, intro, items }: { title: string; intro: string; items: string[] }) {
  return (
    <section className="max-w-3xl">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2">{intro}</p>
      <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
        Denne siden er under arbeid. Her kommer:
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
