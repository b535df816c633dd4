import "server-only";
import { samePatientName } from "@/domain/patient-name";
import { fromIsoDate, type IsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/current-user";
import type { Tx } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { ConflictError } from "@/server/errors";
import type { PatientMatch } from "./lookup";

// The patient of a new pathway, from the audited lookup (lookup.ts). The
// national id is the identity: a patient registered elsewhere is the same
// person and gets this pathway too, because refusing would tell the user that
// the id is known, and so would any answer that differs from a new patient's.
// What must not happen is that the other unit's record shows through:
// - a new id: the patient is registered with the typed name;
// - a patient the unit already has (a referral in one of the user's units):
//   linked, its registered name shown as before;
// - a patient only other units have, and the typed name matches the registered
//   one (patient-name.ts): linked, nothing new is shown;
// - otherwise the pathway keeps the typed name (`recordedPatientName`, shown
//   for it instead of the registered one) and is a name discrepancy for the
//   unit's coordinator to check against the Folkeregister.
// Every link is audited (PATIENT_LINKED, by the caller with the pathway id).

export interface PathwayPatient {
  patientId: string;
  /** set when this pathway shows the typed name instead of the registered one */
  recordedPatientName: string | null;
  /** null for a new patient; otherwise what the link step decided (audited) */
  link: { nameMatched: boolean; knownInUnits: boolean } | null;
}

export async function patientForNewPathway(
  tx: Tx,
  actor: Actor,
  match: PatientMatch | null,
  typed: { nationalId: string; birthDate: IsoDate; name: string },
): Promise<PathwayPatient> {
  if (!match) {
    const patient = await tx.patient
      .create({ data: { nationalId: typed.nationalId, name: typed.name, birthDate: fromIsoDate(typed.birthDate) }, select: { id: true } })
      .catch((error: unknown) => {
        // registered by someone else between the lookup and now: a retry links it
        if (isUniqueViolation(error)) throw new ConflictError("patient_registered_meanwhile", "Noen registrerte den samme pasienten akkurat nå. Prøv igjen.");
        throw error;
      });
    await writeAudit(tx, { userId: actor.user.id, action: "PATIENT_CREATED", patientId: patient.id }, actor.meta);
    return { patientId: patient.id, recordedPatientName: null, link: null };
  }
  const known = await tx.referral.findFirst({ where: { patientId: match.id, unitId: { in: actor.user.unitIds } }, select: { id: true } });
  const nameMatched = samePatientName(typed.name, match.name);
  return {
    patientId: match.id,
    recordedPatientName: known || nameMatched ? null : typed.name,
    link: { nameMatched, knownInUnits: known !== null },
  };
}
