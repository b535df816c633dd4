/** The rows an import refused: line, column, reason. */
export function RefusedTable({ refused }: { refused: { line: number; column: string; message: string }[] }) {
  if (refused.length === 0) return null;
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="text-left font-semibold">Avviste rader</caption>
      <thead>
        <tr>
          <th scope="col" className="pr-3">Linje</th>
          <th scope="col" className="pr-3">Kolonne</th>
          <th scope="col">Årsak</th>
        </tr>
      </thead>
      <tbody>
        {refused.map((r, i) => (
          <tr key={i} className="border-t border-slate-200">
            <td className="pr-3">{r.line || "–"}</td>
            <td className="pr-3">{r.column || "–"}</td>
            <td>{r.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
