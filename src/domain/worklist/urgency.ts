import type { IsoDate } from "@/lib/dates";
import { WORKLIST_RULES, type WorklistReason } from "./rules";

// The worklist's one urgency order, as data: each group (a reason, split by
// whether its date has passed) has a band, and the list shows the bands in
// this order, each group's rows oldest date first. A new reason slots in by
// adding its group here (e.g. a legal-deadline breach into "rights_breach");
// the query, the headings, the counts and the filter read this table.

export const URGENCY_BANDS = {
  /** a patient's legal right is already broken (pasient- og brukerrettighetsloven § 2-2) */
  rights_breach: "Brudd på pasientrettigheter",
  /** a legal deadline (juridisk frist) within the horizon: a right about to be broken, above the advisory norms */
  rights_due: "Juridisk frist nærmer seg",
  /** advisory deadlines (forløpstider) passed, most days late first */
  overdue: "Forfalte frister",
  /** due within the horizon, soonest first */
  due_soon: "Forfaller innen horisonten",
  /** the coordinator's own follow-ups (local rules) */
  follow_up: "Oppfølging",
  /** coding findings: no deadline of their own */
  notice: "Oppmerksomheter",
} as const;
export type UrgencyBand = keyof typeof URGENCY_BANDS;

export interface WorklistGroup {
  label: string;
  reason: WorklistReason;
  /** true: only rows whose date has passed; false: only those not yet passed; absent: all */
  overdue?: boolean;
  band: UrgencyBand;
}

/** In urgency order (the default view's order); the keys are the URL's `grunn` values. */
export const WORKLIST_GROUPS = {
  fristbrudd: { label: "Fristbrudd: juridisk frist passert", reason: "LEGAL_DEADLINE_BREACHED", band: "rights_breach" },
  henvisning: { label: "Henvisning ikke vurdert innen 10 virkedager", reason: "REFERRAL_NOT_ASSESSED", overdue: true, band: "rights_breach" },
  "juridisk-frist": { label: "Juridisk frist innen horisonten", reason: "LEGAL_DEADLINE", band: "rights_due" },
  forfalt: { label: "Forfalte frister", reason: "DEADLINE", overdue: true, band: "overdue" },
  "henvisning-snart": { label: "Henvisning nærmer seg 10 virkedager", reason: "REFERRAL_NOT_ASSESSED", overdue: false, band: "due_soon" },
  snart: { label: "Frister innen horisonten", reason: "DEADLINE", overdue: false, band: "due_soon" },
  "uten-m": { label: "Startet uten første frammøte", reason: "NO_FIRST_ATTENDANCE", band: "follow_up" },
  tilbakemelding: { label: "Beslutning uten tilbakemelding til henviser", reason: "FEEDBACK_MISSING", band: "follow_up" },
  avslutning: { label: "Utfall S, K, A eller I, forløpet er åpent", reason: "OUTCOME_NOT_CLOSED", band: "follow_up" },
  inaktiv: { label: `Ingen hendelse på ${WORKLIST_RULES.inactivityDays} dager`, reason: "INACTIVE", band: "follow_up" },
  merknad: { label: "Oppmerksomheter som ikke er forklart", reason: "NOTICE_UNEXPLAINED", band: "notice" },
  samtidig: { label: "Samtidige forløp for samme pasient", reason: "CONCURRENT", band: "notice" },
} as const satisfies Record<string, WorklistGroup>;
export type WorklistGroupSlug = keyof typeof WORKLIST_GROUPS;
export const GROUP_SLUGS = Object.keys(WORKLIST_GROUPS) as [WorklistGroupSlug, ...WorklistGroupSlug[]];

const BAND_ORDER = Object.keys(URGENCY_BANDS) as UrgencyBand[];

/** Rank of a group in the default view: its band first, then its place in the table. */
export function groupRank(slug: WorklistGroupSlug): number {
  const group: WorklistGroup = WORKLIST_GROUPS[slug];
  return BAND_ORDER.indexOf(group.band) * 100 + GROUP_SLUGS.indexOf(slug);
}

/** Whether a group's condition holds for a row with this reason and date (overdue: the day after its date). */
export function inGroup(slug: WorklistGroupSlug, reason: WorklistReason, dueOn: IsoDate, today: IsoDate): boolean {
  const group: WorklistGroup = WORKLIST_GROUPS[slug];
  if (group.reason !== reason) return false;
  return group.overdue === undefined || group.overdue === dueOn < today;
}

/** The group a row belongs to. */
export function groupOf(reason: WorklistReason, dueOn: IsoDate, today: IsoDate): WorklistGroupSlug {
  const slug = GROUP_SLUGS.find((s) => inGroup(s, reason, dueOn, today));
  if (!slug) throw new Error(`no worklist group for ${reason}`);
  return slug;
}

/** Reasons whose date is when a finding was made, not a deadline: never "days over the deadline". */
export function isNoticeReason(reason: WorklistReason): boolean {
  return GROUP_SLUGS.some((s) => WORKLIST_GROUPS[s].reason === reason && WORKLIST_GROUPS[s].band === "notice");
}

/**
 * Sorting by date: rows with a deadline by their date, then the notices by
 * theirs. Ranks for the two parts of that view.
 */
export const BY_DATE_RANKS = { deadlines: 0, notices: 1 } as const;
