// CSV for Excel with Norwegian settings: UTF-8 with a byte order mark (so æøå
// survive), semicolon as separator (comma is the decimal sign), CRLF lines.

const BOM = "\uFEFF";

function cell(value: string | number | null | undefined): string {
  // decimal comma, as Excel with Norwegian settings reads numbers
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = value ?? "";
  // Text starting with = + - @ would make Excel run a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toExcelCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}
