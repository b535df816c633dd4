import { z } from "@/lib/zod";
import { recordIdSchema } from "@/lib/record-id";
import { ROLES } from "@/domain/permissions";
import { isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/safe-text";
import { HPR_NUMBER } from "@/domain/helseid-claims";

// What the user administration takes, in one place: the API's operations
// (*.operation.ts) and the pages' server actions parse with these, and the
// service receives the parsed values. No password ever leaves the service
// except the one generated for an administrator to hand over, once.

export const roleField = z.enum(ROLES, { error: "Velg en rolle." }).meta({ description: "CLINICIAN, COORDINATOR, LEADER, ADMIN or PRIVACY_OFFICER" });

const unitIds = z
  .array(recordIdSchema("Ukjent enhet."), { error: "Velg enheter (en liste)." })
  .max(100, "For mange enheter.")
  .transform((ids) => [...new Set(ids)].sort())
  .meta({ description: "The user's units (none for ADMIN and PRIVACY_OFFICER)" });

// the first HelseID login matches on it (src/domain/helseid-claims.ts); empty or null: none
export const hprNumberField = z
  .string({ error: "HPR-nummeret må være tekst (sifre) eller null." })
  .nullable()
  .transform((raw, ctx) => {
    const digits = raw?.replace(/\s/g, "") ?? "";
    if (digits === "") return null;
    if (HPR_NUMBER.test(digits)) return digits;
    ctx.addIssue({ code: "custom", message: "HPR-nummeret må være 4–9 sifre." });
    return z.NEVER;
  })
  .meta({ description: "The health worker's HPR number (4–9 digits; null or empty: none): the first HelseID login matches on it" });

export const passwordField = z
  .string({ error: "Passordet må være tekst." })
  .min(10, "Passordet må ha minst 10 tegn.")
  .max(200, "Passordet er for langt (høyst 200 tegn).");

// POST /api/v1/admin/users (and the page's form, which always leaves out the password)
export const createUserBody = z.object(
  {
    name: z.string({ error: "Skriv inn navnet." }).trim().min(2, "Skriv inn navnet.").max(200, "Navnet er for langt (høyst 200 tegn)."),
    email: z
      .string({ error: "Skriv inn e-postadressen." })
      .trim()
      .toLowerCase()
      .max(254, "E-postadressen er for lang.")
      .pipe(z.email("E-postadressen er ikke gyldig.")),
    role: roleField,
    unitIds: unitIds.default([]),
    hprNumber: hprNumberField.optional(),
    password: passwordField.optional().meta({ description: "Initial password; left out: the user signs in by single sign-on only (no usable password)" }),
  },
  { error: "Forespørselen må være et objekt med name, email, role og unitIds." },
);
export type CreateUserInput = z.output<typeof createUserBody>;

// PATCH /api/v1/admin/users/{id} (and the page's forms)
export const updateUserBody = z.object(
  {
    role: roleField.optional(),
    unitIds: unitIds.optional(),
    active: z.boolean({ error: "active må være true eller false." }).optional(),
    mayBeResponsible: z
      .boolean({ error: "mayBeResponsible må være true eller false." })
      .optional()
      .meta({ description: "A coordinator who may be responsible for patients (clinicians always may)" }),
    hprNumber: hprNumberField.optional(),
  },
  { error: "Forespørselen må være et objekt med role, unitIds, active, mayBeResponsible eller hprNumber." },
).refine(
  (body) => body.role !== undefined || body.unitIds !== undefined || body.active !== undefined || body.mayBeResponsible !== undefined || body.hprNumber !== undefined,
  "Oppgi minst én av role, unitIds, active, mayBeResponsible og hprNumber.",
);
export type UpdateUserInput = z.output<typeof updateUserBody>;

export const userSearchQuery = z.object({
  q: z.string().trim().max(100, "Søket er for langt (høyst 100 tegn).").refine(isSafeText, UNSAFE_TEXT_MESSAGE).optional().meta({ description: "Part of a name or e-mail" }),
});

/** How a new user signs in: a password generated and shown once, or single sign-on only. */
export const newUserLogin = z.enum(["password", "sso"], { error: "Velg hvordan brukeren logger inn." });

export const userId = recordIdSchema("Ukjent bruker.");

export const adminUserJson = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  unitIds: z.array(z.string()),
  active: z.boolean(),
  mayBeResponsible: z.boolean().meta({ description: "A coordinator who may be responsible for patients (clinicians always may)" }),
  ssoOnly: z.boolean().meta({ description: "No usable password: signs in by single sign-on only" }),
  hprNumber: z.string().nullable().meta({ description: "The HPR number (digits), or null" }),
  lastLoginAt: z.string().nullable(),
});
