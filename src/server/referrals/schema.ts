import { PERSON_NAME_MAX_LENGTH, PERSON_NAME_MIN_LENGTH } from "@/domain/patient-name";
import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/dates";
import { recordIdSchema } from "@/lib/record-id";
import { API_DECISIONS, REFERRAL_STATUSES, type ApiDecision } from "@/domain/referrals";
import { PATHWAY_TYPES } from "@/domain/rules";
import { pageLimit } from "@/server/api/schemas";
import { nationalIdField } from "@/server/patients/schema";

// What referral operations take, in one place: the API's operations
// (*.operation.ts) and the pages' server actions parse with these, and the
// services receive the parsed values.

const isoDate = (missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).refine(isIsoDate, "Datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD).");
const optionalIsoDate = z
  .string()
  .trim()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), "Datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD).");
const optionalText = (max: number, tooLong: string) =>
  z.string().trim().max(max, tooLong).nullish().transform((v) => v || null);
const patientName = z
  .string({ error: "Skriv inn pasientens fulle navn." })
  .trim()
  .min(PERSON_NAME_MIN_LENGTH, "Skriv inn pasientens fulle navn.")
  .max(PERSON_NAME_MAX_LENGTH, `Navnet er for langt (høyst ${PERSON_NAME_MAX_LENGTH} tegn).`);
const pathwayType = z.enum(PATHWAY_TYPES, { error: "Velg type pakkeforløp." });

// POST /api/v1/referrals (and the page's registration form)
export const registerReferralBody = z.object({
  nationalId: nationalIdField,
  // the page always asks for it (whether or not the id is known, see patients/link.ts);
  // an API client may leave it out for a patient it registered with POST /api/v1/patients
  patientName: patientName.nullish().transform((v) => v ?? null),
  unitId: z.string({ error: "Velg enhet." }).trim().min(1, "Velg enhet.").max(64, "Ukjent enhet."),
  receivedDate: isoDate("Skriv inn datoen henvisningen ble mottatt."),
  referrerName: z.string({ error: "Skriv inn hvem som henviste." }).trim().min(PERSON_NAME_MIN_LENGTH, "Skriv inn hvem som henviste.").max(PERSON_NAME_MAX_LENGTH, `Navnet er for langt (høyst ${PERSON_NAME_MAX_LENGTH} tegn).`),
  referrerHpr: optionalText(20, "HPR-nummeret er for langt.").refine(
    (v) => v === null || /^\d{4,9}$/.test(v),
    "HPR-nummeret skal bare ha sifre (4–9 sifre).",
  ),
  suggestedType: pathwayType.nullish().or(z.literal("")).transform((v) => v || null),
  note: optionalText(2000, "Notatet er for langt (høyst 2000 tegn)."),
  idempotencyKey: optionalText(100, "idempotencyKey er for lang (høyst 100 tegn)."),
  /** the user has seen that the patient already has an unassessed referral at the unit, and registers anyway */
  confirmDuplicate: z.boolean({ error: "confirmDuplicate må være true eller false." }).optional().default(false),
});
export type RegisterReferralInput = z.input<typeof registerReferralBody>;
export type RegisterReferralData = z.output<typeof registerReferralBody>;

export const decision = z.enum(Object.keys(API_DECISIONS) as [ApiDecision, ...ApiDecision[]], { error: "Velg en beslutning." });
const assessmentFields = {
  assessedDate: isoDate("Skriv inn datoen henvisningen ble vurdert."),
  decision,
  legalDeadline: optionalIsoDate,
  reason: optionalText(2000, "Begrunnelsen er for lang (høyst 2000 tegn)."),
};

// POST /api/v1/referrals/{id}/assessment (and the page's assessment form)
export const assessReferralBody = z.object({
  ...assessmentFields,
  pathway: z
    .object({
      type: pathwayType,
      setting: z.enum(["POLIKLINIKK", "DOGN"], { error: "Velg poliklinikk eller døgn." }),
      responsibleClinicianId: optionalText(64, "Ugyldig behandler.").refine((v) => v === null || /^[A-Za-z0-9-]+$/.test(v), "Ugyldig behandler."),
    })
    .nullish()
    .transform((v) => v ?? null),
  /** needed when the start code closes the 10-working-day deadline late */
  justification: optionalText(2000, "Begrunnelsen er for lang (høyst 2000 tegn)."),
});
export type AssessReferralInput = z.input<typeof assessReferralBody>;
export type AssessReferralData = z.output<typeof assessReferralBody>;

// POST /api/v1/referrals/{id}/assessment/correct
export const correctAssessmentBody = z.object({
  ...assessmentFields,
  correctionReason: z
    .string({ error: "Skriv hvorfor vurderingen rettes." })
    .trim()
    .min(3, "Skriv hvorfor vurderingen rettes.")
    .max(2000, "Begrunnelsen er for lang (høyst 2000 tegn)."),
});
export type CorrectAssessmentInput = z.input<typeof correctAssessmentBody>;
export type CorrectAssessmentData = z.output<typeof correctAssessmentBody>;

// GET /api/v1/referrals
export const listReferralsQuery = z.object({
  status: z
    .enum(REFERRAL_STATUSES, { error: "status må være unassessed, assessed eller closed." })
    .optional()
    .meta({ description: "Only referrals waiting for assessment, assessed, or closed by the assessment" }),
  unitId: recordIdSchema("Ugyldig enhet.").optional().meta({ description: "One of the caller's units" }),
  cursor: z.string().max(200).optional().meta({ description: "nextCursor of the previous page" }),
  limit: pageLimit,
});
export type ListReferralsQuery = z.output<typeof listReferralsQuery>;
