import type { IsoDate } from "@/lib/dates";
import type { PathwayType } from "./codes";
import type { Setting } from "./durations";
import type { DeadlineKind, NoticeId, Phase } from "./labels";

export interface EventInput {
  id: string;
  /** a plain letter ("C") or a concatenated procedure code ("D11CU") */
  code: string;
  outcome?: string | null;
  activityCode?: string | null;
  date: IsoDate;
  /** ISO instant; orders events of the same clinical date */
  recordedAt?: string | null;
  annulled?: boolean;
}

export interface PathwayInput {
  id: string;
  type: PathwayType;
  setting: Setting;
  referralReceived?: IsoDate | null;
  /** patient given treatment rights directly: C without M is expected */
  directTreatmentRight?: boolean;
  /** D08: severe → 7 days referral → M, else 28 */
  severe?: boolean;
  /**
   * Juridisk frist (pasient- og brukerrettighetsloven § 2-2): the latest start of
   * care set at the referral assessment for a patient with a right to necessary
   * care. Gives the `care_start` deadline, met by the first attendance (M).
   */
  careDeadline?: IsoDate | null;
  events: EventInput[];
}

export interface Deadline {
  kind: DeadlineKind;
  from: IsoDate;
  due: IsoDate;
  completedOn: IsoDate | null;
  met: boolean | null;
  daysLate: number;
  cause: "patient" | "service" | null;
  durationDays: number;
  unit: "calendar_days" | "working_days";
  unconfirmed: boolean;
}

export interface Notice {
  id: NoticeId;
  date: IsoDate;
  message: string;
  eventId: string | null;
}

export interface ExpectedCode {
  code: string;
  outcome?: string;
  label: string;
}

export interface PathwayEvaluation {
  pathwayId: string;
  type: PathwayType;
  setting: Setting;
  phase: Phase;
  startedOn: IsoDate | null;
  closedOn: IsoDate | null;
  deadlines: Deadline[];
  notices: Notice[];
  nextDeadline: Deadline | null;
  nextExpectedCodes: ExpectedCode[];
  eventCount: number;
  lastEventDate: IsoDate | null;
  /** clinical dates of the counted (non-annulled) events, for indicator periods */
  eventDates: IsoDate[];
  /** dates of the valid treatment decisions (C with P or T), for the involvement indicators */
  treatmentDecisionDates: readonly IsoDate[];
  /** the valid utført aktivitet (U) events: date and activity (U's outcome) */
  activities: readonly { date: IsoDate; code: string }[];
}
