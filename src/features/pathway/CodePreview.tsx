// What a code will do before it is saved (the engine's sentence and the
// notices it adds): the same box in the code form and in annul-and-replace.
export function CodePreview({ summary, warnings, prefix = "" }: { summary: string; warnings: { id: string; message: string }[]; prefix?: string }) {
  return (
    <div className={`rounded border p-3 ${warnings.length ? "border-amber-300 bg-amber-50 text-amber-950" : "border-green-300 bg-green-50 text-green-900"}`}>
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
    </div>
  );
}
