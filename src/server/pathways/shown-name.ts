import "server-only";
import { Prisma } from "@/generated/prisma/client";

// The patient name shown for a pathway: the name its unit typed when that
// differs from the patient's registered name of a patient only other units had
// (`Pathway.recordedPatientName`, see patients/link.ts), else the registered
// name. Every list and page that names a pathway's patient goes through here,
// so another unit's spelling never shows through a linked pathway.

export function shownPatientName(pathway: { recordedPatientName: string | null; patient: { name: string } }): string {
  return pathway.recordedPatientName ?? pathway.patient.name;
}

/** The same in SQL, for a query with `pathway` and `patient` aliases. */
export function shownPatientNameSql(pathway: string, patient: string): Prisma.Sql {
  return Prisma.raw(`COALESCE("${pathway}"."recordedPatientName", "${patient}"."name")`);
}

/** A Prisma filter on the shown name (searching the registered one would find a name the page never shows). */
export function shownPatientNameContains(q: string): Prisma.PathwayWhereInput {
  return {
    OR: [
      { recordedPatientName: { contains: q, mode: "insensitive" } },
      { recordedPatientName: null, patient: { name: { contains: q, mode: "insensitive" } } },
    ],
  };
}
