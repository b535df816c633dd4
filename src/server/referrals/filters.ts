import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/dates";
import type { ReferralStatus } from "@/domain/referrals";

// The referral list's filters live in the URL (Norwegian names, as the
// worklist's): unit, status, received from/to. Never a national id.

export const STATUS_SLUGS = { "ikke-vurdert": "unassessed", vurdert: "assessed", avsluttet: "closed" } as const satisfies Record<string, ReferralStatus>;
export type StatusSlug = keyof typeof STATUS_SLUGS;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v === "" || v === null ? undefined : v);
const date = z.preprocess(first, z.string().trim().refine(isIsoDate, "Datoen i adressen er ikke en gyldig dato.").optional());

export const referralFilterSchema = z
  .object({
    enhet: z.preprocess(first, z.string().trim().max(40).regex(/^[a-z0-9-]*$/i, "Ukjent enhet.").optional()),
    status: z.preprocess(first, z.enum(Object.keys(STATUS_SLUGS) as [StatusSlug, ...StatusSlug[]], { error: "Ukjent status." }).optional()),
    fra: date,
    til: date,
  })
  .refine((f) => !f.fra || !f.til || f.fra <= f.til, { message: "«Mottatt fra» er etter «mottatt til».", path: ["fra"] });
export type ReferralFilters = z.infer<typeof referralFilterSchema>;

export function referralFiltersToParams(f: ReferralFilters, overrides: Partial<ReferralFilters> = {}): URLSearchParams {
  const merged = { ...f, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["enhet", "status", "fra", "til"] as const) if (merged[key]) params.set(key, String(merged[key]));
  return params;
}
