import { addCalendarDays, addWorkingDays, daysBetween, isValidIsoDate, type IsoDate } from "./calendar";
import {
  DECISION_OUTCOMES, EVENT_DEFINITIONS, EXTENDED_OUTCOMES, PATHWAY_IN_FORCE, TREATMENT_OUTCOMES, invalidForType, parseCode,
  type EventDefinition, type EventLetter, type OutcomeDefinition,
} from "./codes";
import { REFERRAL_ASSESSMENT_WORKING_DAYS, durationsInForce, type DurationSet } from "./durations";
import { NOTICE_MESSAGES, type DeadlineKind, type NoticeId, type Phase } from "./labels";
import { expectedCodes } from "./expected";
import type { Deadline, EventInput, Notice, PathwayEvaluation, PathwayInput } from "./types";

interface ParsedEvent {
  id: string;
  date: IsoDate;
  letter: EventLetter | null;
  outcome: string | null;
  /** counts for deadlines and phase */
  valid: boolean;
}

/** Annulled events are ignored; order is clinical date, then recorded time, then id. */
function prepare(pathway: PathwayInput, notices: Notice[], today: IsoDate): ParsedEvent[] {
  const live = pathway.events.filter((e) => !e.annulled && isValidIsoDate(e.date));
  const sorted = [...live].sort(compareEvents);
  const inForce = PATHWAY_IN_FORCE[pathway.type];
  const add = (id: NoticeId, e: { id: string; date: IsoDate }) => notices.push({ id, date: e.date, message: NOTICE_MESSAGES[id], eventId: e.id });
  return sorted.map((e) => {
    const parsed = parseCode(e.code, e.outcome, pathway.type);
    if (e.date > today) add("FUTURE_DATE", e);
    if (e.date < inForce) add("NOT_IN_FORCE", e);
    if (!parsed.ok || invalidForType(parsed.letter, parsed.outcome, pathway.type)) {
      add("INVALID_CODE", e);
      return { id: e.id, date: e.date, letter: parsed.ok ? parsed.letter : null, outcome: null, valid: false };
    }
    const definition: EventDefinition = EVENT_DEFINITIONS[parsed.letter];
    const missing = (definition.requiresOutcome && !parsed.outcome) || (definition.requiresActivityCode && !e.activityCode?.trim());
    if (missing) add("MISSING_OUTCOME", e);
    return { id: e.id, date: e.date, letter: parsed.letter, outcome: parsed.outcome, valid: !missing };
  });
}

function compareEvents(a: EventInput, b: EventInput): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ra = a.recordedAt ?? "";
  const rb = b.recordedAt ?? "";
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** NPR's sequence notices on the valid events. */
function sequenceNotices(pathway: PathwayInput, events: ParsedEvent[], notices: Notice[]): void {
  const add = (id: NoticeId, e: ParsedEvent) => notices.push({ id, date: e.date, message: NOTICE_MESSAGES[id], eventId: e.id });
  const coded = events.filter((e) => e.letter !== null);
  if (coded.length === 0) return;
  const hasStart = coded.some((e) => e.letter === "A");
  if (!hasStart) add("MISSING_START", coded[0]);
  else if (coded[0].letter !== "A") add("FIRST_NOT_START", coded[0]);

  let seenM = false;
  let seenC = false;
  let cCount = 0;
  let closedOn: IsoDate | null = null;
  for (const e of coded) {
    if (closedOn && e.date > closedOn) add("EVENT_AFTER_END", e);
    switch (e.letter) {
      case "M":
        if (seenC) add("M_AFTER_C", e);
        seenM = true;
        break;
      case "C":
        cCount += 1;
        if (!seenM && !pathway.directTreatmentRight) add("C_WITHOUT_M", e);
        if (cCount > 2) add("TOO_MANY_C", e);
        seenC = true;
        break;
      case "E":
        if (!seenC) add("E_WITHOUT_C", e);
        break;
      case "F":
        if (!seenC) add("F_WITHOUT_C", e);
        break;
      case "X":
        closedOn ??= e.date;
        break;
    }
  }
}

interface Interval {
  kind: DeadlineKind;
  from: IsoDate;
  due: IsoDate;
  durationDays: number;
  unit: Deadline["unit"];
  completedOn: IsoDate | null;
  unconfirmed: boolean;
}

function finish(interval: Interval, today: IsoDate, closedOn: IsoDate | null, delays: IsoDate[]): Deadline | null {
  const { completedOn, due, from } = interval;
  // A pathway closed before an open deadline fell due leaves no deadline behind.
  if (completedOn === null && closedOn !== null && closedOn <= due) return null;
  const judgedOn = completedOn ?? (closedOn !== null && closedOn < today ? closedOn : today);
  let met: boolean | null = null;
  let daysLate = 0;
  if (completedOn !== null) {
    met = completedOn <= due;
    if (!met) daysLate = daysBetween(due, completedOn);
  } else if (judgedOn > due) {
    met = false;
    daysLate = daysBetween(due, judgedOn);
  }
  let cause: Deadline["cause"] = null;
  if (met === false) {
    cause = "service";
    for (const d of delays) if (d >= from && d <= judgedOn) cause = "patient";
  }
  return {
    kind: interval.kind,
    from,
    due,
    completedOn,
    met,
    daysLate,
    cause,
    durationDays: interval.durationDays,
    unit: interval.unit,
    unconfirmed: interval.unconfirmed,
  };
}

/** Evaluates one pathway on a given day. Pure: no clock, no I/O; never throws on bad events. */
export function evaluatePathway(pathway: PathwayInput, today: IsoDate): PathwayEvaluation {
  const notices: Notice[] = [];
  const events = prepare(pathway, notices, today);
  sequenceNotices(pathway, events, notices);
  const valid = events.filter((e) => e.valid && e.letter !== null);
  const first = (letter: EventLetter, after: IsoDate | null = null) => valid.find((e) => e.letter === letter && (after === null || e.date >= after)) ?? null;

  const start = first("A");
  const close = valid.find((e) => e.letter === "X" && (!start || e.date >= start.date)) ?? null;
  const closedOn = close?.date ?? null;
  const delays = valid.filter((e) => e.letter === "L").map((e) => e.date);
  const referral = pathway.referralReceived && isValidIsoDate(pathway.referralReceived) ? pathway.referralReceived : null;
  const judgedFrom = start?.date ?? referral ?? valid[0]?.date ?? today;
  const row = durationsInForce(pathway.type, pathway.setting, judgedFrom);
  const d: DurationSet = row?.durations ?? {};
  const unconfirmed = (key: keyof DurationSet) => Boolean(row?.unconfirmed.includes(key));
  const intervals: Interval[] = [];
  const calendar = (kind: DeadlineKind, from: IsoDate, days: number, completedOn: IsoDate | null, key: keyof DurationSet) =>
    intervals.push({ kind, from, due: addCalendarDays(from, days), durationDays: days, unit: "calendar_days", completedOn, unconfirmed: unconfirmed(key) });

  const firstM = first("M");
  if (referral) {
    intervals.push({
      kind: "referral_assessment",
      from: referral,
      due: addWorkingDays(referral, REFERRAL_ASSESSMENT_WORKING_DAYS),
      durationDays: REFERRAL_ASSESSMENT_WORKING_DAYS,
      unit: "working_days",
      completedOn: start?.date ?? null,
      unconfirmed: false,
    });
    const attendanceDays = pathway.severe && d.firstAttendanceSevere ? d.firstAttendanceSevere : d.firstAttendance;
    if (attendanceDays !== undefined) calendar("first_attendance", referral, attendanceDays, firstM?.date ?? null, "firstAttendance");
  }

  const decisions = valid.filter((e) => e.letter === "C");
  if (firstM && d.basisAssessment !== undefined) {
    const decision = decisions.find((c) => c.date >= firstM.date) ?? null;
    calendar("basis_assessment", firstM.date, d.basisAssessment, decision?.date ?? null, "basisAssessment");
  }
  const extendedDecision = decisions.find((c) => c.outcome !== null && EXTENDED_OUTCOMES.includes(c.outcome));
  if (extendedDecision && d.extendedAssessment !== undefined) {
    const next = decisions[decisions.indexOf(extendedDecision) + 1] ?? null;
    calendar("extended_assessment", extendedDecision.date, d.extendedAssessment, next?.date ?? null, "extendedAssessment");
  }
  const treatmentDecision = decisions.find((c) => c.outcome !== null && TREATMENT_OUTCOMES.includes(c.outcome));
  if (treatmentDecision && d.firstEvaluation !== undefined) {
    const evaluations = valid.filter((e) => e.letter === "E" && e.date >= treatmentDecision.date);
    calendar("first_evaluation", treatmentDecision.date, d.firstEvaluation, evaluations[0]?.date ?? null, "firstEvaluation");
    if (d.evaluation !== undefined) {
      evaluations.forEach((e, i) => calendar("evaluation", e.date, d.evaluation!, evaluations[i + 1]?.date ?? null, "evaluation"));
    }
  }

  const deadlines = intervals.map((i) => finish(i, today, closedOn, delays)).filter((x): x is Deadline => x !== null);
  const open = deadlines.filter((x) => x.completedOn === null);
  const nextDeadline = open.reduce<Deadline | null>((best, x) => (!best || x.due < best.due ? x : best), null);
  const phase = phaseOf(start !== null, firstM !== null, decisions.map((c) => c.outcome), closedOn !== null);
  const counted = events.filter((e) => e.letter !== null);
  return {
    pathwayId: pathway.id,
    type: pathway.type,
    setting: pathway.setting,
    phase,
    startedOn: start?.date ?? null,
    closedOn,
    deadlines,
    notices,
    nextDeadline: closedOn ? null : nextDeadline,
    nextExpectedCodes: expectedCodes(phase, pathway.type, valid.map((e) => e.letter as string)),
    eventCount: events.length,
    lastEventDate: events.length ? events[events.length - 1].date : null,
    eventDates: counted.map((e) => e.date),
  };
}

function phaseOf(started: boolean, attended: boolean, outcomes: (string | null)[], closed: boolean): Phase {
  if (closed) return "closed";
  const last = outcomes[outcomes.length - 1];
  if (last) {
    if (EXTENDED_OUTCOMES.includes(last)) return "extended_assessment";
    if (TREATMENT_OUTCOMES.includes(last)) return "treatment";
    const o: OutcomeDefinition | undefined = DECISION_OUTCOMES[last as keyof typeof DECISION_OUTCOMES];
    if (o?.endsPathway) return "awaiting_closure";
  }
  if (attended) return "basis_assessment";
  if (started) return "awaiting_first_attendance";
  return "awaiting_start";
}
