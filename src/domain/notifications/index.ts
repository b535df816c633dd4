import { addDays, formatNorwegianDate, type IsoDate } from "@/lib/dates";
import { daysBetween } from "@/domain/rules";
import type { Role } from "@/domain/permissions";
import type { WorklistReason } from "@/domain/worklist/rules";

// Varsler (issue 20): which of the stored worklist rows are a user's
// notifications, and how they read. The selection itself is one SQL statement
// over the derived rows (src/server/notifications/query.ts); this file holds
// its parameters (kinds, reasons, the horizon window) and the pure parts
// around it: the text and link of an item, the digest's words, and when a
// digest is due. No clock: "today" and "now" are parameters.

export const NOTIFICATION_KINDS = ["DEADLINE", "ASSIGNED", "NOTICE", "REFERRAL", "LEGAL_DEADLINE"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In the order the page shows them; an item matching several kinds is shown once, under the first. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  NOTICE: "Koder du registrerte som venter på begrunnelse",
  DEADLINE: "Frister på dine forløp",
  LEGAL_DEADLINE: "Juridiske frister i dine enheter",
  REFERRAL: "Henvisninger nær eller over 10 virkedager",
  ASSIGNED: "Nylig tildelt deg",
};
export const KIND_ORDER: readonly NotificationKind[] = ["NOTICE", "DEADLINE", "LEGAL_DEADLINE", "REFERRAL", "ASSIGNED"];

/** Coordinators also get the unit-wide kinds. */
export function kindsFor(role: Role | string): NotificationKind[] {
  if (role === "COORDINATOR") return [...NOTIFICATION_KINDS];
  if (role === "CLINICIAN") return ["DEADLINE", "ASSIGNED", "NOTICE"];
  return [];
}

/** Worklist reasons that are a deadline on a pathway (DEADLINE kind). */
export const DEADLINE_REASONS: readonly WorklistReason[] = ["DEADLINE", "LEGAL_DEADLINE", "LEGAL_DEADLINE_BREACHED", "NO_FIRST_ATTENDANCE", "FEEDBACK_MISSING"];
/** Unit-wide legal deadlines for coordinators (a settled breach, with its late M, is not one). */
export const LEGAL_REASONS: readonly WorklistReason[] = ["LEGAL_DEADLINE", "LEGAL_DEADLINE_BREACHED"];
/** Reasons that are not news when a pathway is assigned (a concurrent pathway is the coordinator's). */
export const NOT_ASSIGNED_REASONS: readonly WorklistReason[] = ["CONCURRENT"];

export const NOTIFICATION_RULES = {
  defaultHorizonDays: 7,
  maxHorizonDays: 60,
  /** a pathway assigned to me is "new" this long */
  assignedNewDays: 7,
  /** the header counts up to this many and then says "99+" */
  countCap: 99,
  /**
   * the header's count is made at most this often per session: a new or
   * settled notification shows in the count within this time (at once on
   * /varsler), the user's own read marks and horizon at once
   */
  countMaxAgeSeconds: 60,
  /** the page lists at most this many */
  pageLimit: 300,
  defaultDigestTime: "07:30",
} as const;

export interface NotificationWindow {
  today: IsoDate;
  /** last due date that is a notification (inclusive) */
  horizonEnd: IsoDate;
  /** assignments at or after this instant are new */
  assignedSince: Date;
}

/** A deadline due on today + horizon is in; one day later is not. Overdue ones always are. */
export function notificationWindow(today: IsoDate, now: Date, horizonDays: number = NOTIFICATION_RULES.defaultHorizonDays): NotificationWindow {
  const horizon = Math.min(Math.max(Math.trunc(horizonDays), 0), NOTIFICATION_RULES.maxHorizonDays);
  return {
    today,
    horizonEnd: addDays(today, horizon),
    assignedSince: new Date(now.getTime() - NOTIFICATION_RULES.assignedNewDays * 24 * 3600 * 1000),
  };
}

/** Whether a due date is a notification in this window (the SQL's condition, for tests and the digest's own check). */
export function dueInWindow(dueOn: IsoDate, window: NotificationWindow): boolean {
  return dueOn <= window.horizonEnd;
}

export function countLabel(count: number): string {
  return count > NOTIFICATION_RULES.countCap ? `${NOTIFICATION_RULES.countCap}+` : String(count);
}

/** Where an item is dealt with. */
export function notificationHref(item: { kind: NotificationKind; pathwayId: string; referralId: string | null }): string {
  if (item.kind === "REFERRAL" && item.referralId) return `/henvisninger/${item.referralId}`;
  if (item.kind === "NOTICE") return `/forlop/${item.pathwayId}#notices-heading`;
  return `/forlop/${item.pathwayId}`;
}

/** "Forfalt for 3 dager siden", "Forfaller i dag", "Forfaller om 2 dager (05.12.2026)". */
export function dueText(dueOn: IsoDate, today: IsoDate): string {
  const left = daysBetween(today, dueOn);
  if (left < 0) return `Forfalt for ${-left} ${-left === 1 ? "dag" : "dager"} siden (${formatNorwegianDate(dueOn)})`;
  if (left === 0) return `Forfaller i dag (${formatNorwegianDate(dueOn)})`;
  if (left === 1) return `Forfaller i morgen (${formatNorwegianDate(dueOn)})`;
  return `Forfaller om ${left} dager (${formatNorwegianDate(dueOn)})`;
}
