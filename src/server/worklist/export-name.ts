import type { IsoDate } from "@/lib/dates";
import { WORKLIST_RULES } from "@/domain/worklist";
import type { WorklistFilters } from "@/server/worklist/filters";

// The CSV's file name says what it holds: two downloads with different
// filters on one day no longer both arrive as "arbeidsliste-<date>.csv".

/** ASCII for a file name: "DPS Nordre Ås" → "dps-nordre-as". */
export function fileSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

export function worklistExportName(
  filters: WorklistFilters,
  today: IsoDate,
  names: { unit?: string; clinician?: string },
): string {
  const parts = ["arbeidsliste", today];
  if (filters.enhet) parts.push(fileSlug(names.unit ?? "ukjent-enhet"));
  if (filters.type) parts.push(filters.type);
  if (filters.setting) parts.push(filters.setting === "DOGN" ? "dogn" : "poliklinikk");
  if (filters.grunn) parts.push(filters.grunn);
  if (filters.behandler) parts.push(filters.behandler === "ingen" ? "uten-behandler" : fileSlug(names.clinician ?? "behandler"));
  if (filters.horisont !== WORKLIST_RULES.defaultHorizonDays) parts.push(`${filters.horisont}-dager`);
  if (filters.sortering === "frist") parts.push("etter-frist");
  return `${parts.filter(Boolean).join("_")}.csv`;
}
