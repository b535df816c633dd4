// What a code will do before it is saved (the engine's sentence and the
// notices it adds), and what to look at twice (cautions: no refusal, no
// justification): the same box in the code form and in annul-and-replace.
type Item = { id: string; message: string };

export function CodePreview({ summary, warnings, cautions = [], prefix = "" }: { summary: string; warnings: Item[]; cautions?: Item[]; prefix?: string }) {
  const attention = warnings.length > 0 || cautions.length > 0;
  return (
    <div className={`rounded border p-3 ${attention ? "border-amber-300 bg-amber-50 text-amber-950" : "border-green-300 bg-green-50 text-green-900"}`}>
      <p className="font-medium">
        {prefix}
        {summary}
      </p>
      {warnings.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {warnings.map((w) => (
            <li key={w.id}>{w.message}</li>
          ))}
        </ul>
      )}
      {cautions.length > 0 && (
        <div className="mt-2 text-sm">
          <p className="font-medium">Kontroller før du lagrer:</p>
          <ul className="list-disc pl-5">
            {cautions.map((c) => (
              <li key={c.id}>{c.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
