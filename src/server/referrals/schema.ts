import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/dates";
import { recordIdSchema } from "@/lib/record-id";
import { API_DECISIONS, REFERRAL_STATUSES, type ApiDecision } from "@/domain/referrals";
import { PATHWAY_TYPES } from "@/domain/rules";
import { nationalIdField } from "@/server/patients/schema";

// Every operation on referrals, its zod schemas in one place: params, query,
// body and response. The services parse with them, the pages' server actions
// check with them, and the OpenAPI document is written from them.

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
  .min(2, "Skriv inn pasientens fulle navn.")
  .max(200, "Navnet er for langt (høyst 200 tegn).");
const pathwayType = z.enum(PATHWAY_TYPES, { error: "Velg type pakkeforløp." });

export const referralIdParams = z.object({ id: recordIdSchema("Fant ikke henvisningen.") });

// POST /api/v1/patients
export const ensurePatientBody = z.object({ nationalId: nationalIdField, name: patientName });
export const ensurePatientResponse = z.object({ id: z.string() });

// POST /api/v1/referrals (and the page's registration form)
export const registerReferralBody = z.object({
  nationalId: nationalIdField,
  // the page always asks for it (whether or not the id is known, see patients/link.ts);
  // an API client may leave it out for a patient it registered with POST /api/v1/patients
  patientName: patientName.nullish().transform((v) => v ?? null),
  unitId: z.string({ error: "Velg enhet." }).trim().min(1, "Velg enhet.").max(64, "Ukjent enhet."),
  receivedDate: isoDate("Skriv inn datoen henvisningen ble mottatt."),
  referrerName: z.string({ error: "Skriv inn hvem som henviste." }).trim().min(2, "Skriv inn hvem som henviste.").max(200, "Navnet er for langt (høyst 200 tegn)."),
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
export const registerReferralResponse = z.object({ id: z.string(), patientId: z.string(), dueDate: z.string() });

const decision = z.enum(Object.keys(API_DECISIONS) as [ApiDecision, ...ApiDecision[]], { error: "Velg en beslutning." });
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
export const assessReferralResponse = z.object({ referralId: z.string(), pathwayId: z.string().nullable() });

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
export const correctAssessmentResponse = z.object({ referralId: z.string(), assessmentId: z.string() });

// GET /api/v1/referrals
export const listReferralsQuery = z.object({
  status: z.enum(REFERRAL_STATUSES, { error: "status må være unassessed, assessed eller closed." }).optional(),
  unitId: recordIdSchema("Ugyldig enhet.").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ error: "limit må være et tall." }).int("limit må være et heltall.").min(1, "limit må være minst 1.").max(200, "limit kan være høyst 200.").default(50),
});
export const referralItem = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  receivedDate: z.string(),
  dueDate: z.string().describe("the last day of the 10-working-day rule"),
  status: z.enum(REFERRAL_STATUSES),
  decision: decision.nullable(),
  assessedDate: z.string().nullable(),
  legalDeadline: z.string().nullable(),
  pathwayId: z.string().nullable(),
  patient: z.object({ id: z.string(), name: z.string(), maskedNationalId: z.string() }),
});
export const listReferralsResponse = z.object({ items: z.array(referralItem), nextCursor: z.string().nullable() });
