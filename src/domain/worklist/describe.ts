import { DECISION_OUTCOMES, DEADLINE_LABELS, NOTICE_MESSAGES, daysBetween, type DeadlineKind, type DecisionOutcome, type NoticeId } from "@/domain/rules";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import type { WorklistReason } from "./rules";

// Plain Norwegian for one worklist row: what is wrong, and by how much.

export interface DescribableItem {
  reason: WorklistReason;
  dueOn: IsoDate;
  sinceOn: IsoDate | null;
  deadlineKind: string | null;
  noticeId: string | null;
  /** the event the row is about (a settled fristbrudd: its late first attendance) */
  eventId?: string | null;
  outcome: string | null;
}

/** Positive: days left; negative: days late; 0: due today. */
export function daysLeft(item: Pick<DescribableItem, "dueOn">, today: IsoDate): number {
  return daysBetween(today, item.dueOn);
}

function dated(date: IsoDate | null): string {
  return date ? formatNorwegianDate(date) : "ukjent dato";
}

export function describeItem(item: DescribableItem, today: IsoDate): string {
  const overdue = daysLeft(item, today) < 0;
  switch (item.reason) {
    case "DEADLINE": {
      const label = DEADLINE_LABELS[item.deadlineKind as DeadlineKind] ?? "Frist";
      return overdue
        ? `${label}: fristen ${dated(item.dueOn)} er passert`
        : `${label}: frist ${dated(item.dueOn)}`;
    }
    case "LEGAL_DEADLINE":
      return overdue
        ? `Juridisk frist ${dated(item.dueOn)} er passert uten første frammøte (M): fristbrudd`
        : `Juridisk frist ${dated(item.dueOn)}: første frammøte (M) må skje senest denne dagen`;
    case "LEGAL_DEADLINE_BREACHED":
      // a settled breach carries its late first attendance (eventId, sinceOn)
      return item.eventId && item.sinceOn
        ? `Fristbrudd: første frammøte ${dated(item.sinceOn)}, ${daysBetween(item.dueOn, item.sinceOn)} dager etter juridisk frist ${dated(item.dueOn)}`
        : `Fristbrudd: juridisk frist ${dated(item.dueOn)} er passert uten første frammøte (M); pasienten har rett til helsehjelp uten opphold, om nødvendig hos en annen tjenesteyter (HELFO Pasientformidling)`;
    case "REFERRAL_NOT_ASSESSED":
      return `Henvisning mottatt ${dated(item.sinceOn)} er ikke vurdert (start pakkeforløp mangler); frist 10 virkedager: ${dated(item.dueOn)}`;
    case "NO_FIRST_ATTENDANCE":
      return `Forløpet startet ${dated(item.sinceOn)}, men første frammøte (M) er ikke registrert`;
    case "FEEDBACK_MISSING":
      return `Klinisk beslutning ${dated(item.sinceOn)} uten tilbakemelding til henviser (F)`;
    case "OUTCOME_NOT_CLOSED": {
      const outcome = DECISION_OUTCOMES[item.outcome as DecisionOutcome];
      return `Klinisk beslutning ${dated(item.sinceOn)} med utfall ${item.outcome}${outcome ? ` (${outcome.label.toLowerCase()})` : ""}, men forløpet er ikke avsluttet`;
    }
    case "NOTICE_UNEXPLAINED":
    case "CONCURRENT":
      return `${NOTICE_MESSAGES[item.noticeId as NoticeId] ?? "Oppmerksomhet"} (${dated(item.sinceOn)})`;
    case "INACTIVE":
      return `Ingen hendelse registrert siden ${dated(item.sinceOn)}`;
  }
}
