import type { IsoDate } from "@/lib/dates";
import { addCalendarDays, addWorkingDays, daysBetween, isValidIsoDate } from "./calendar";
import {
  DECISION_OUTCOMES, EVENT_DEFINITIONS, EXTENDED_OUTCOMES, PATHWAY_IN_FORCE, TREATMENT_OUTCOMES, clinicalRank, invalidForType, parseCode,
  type EventDefinition, type EventLetter, type OutcomeDefinition, type ParsedCode,
} from "./codes";
import { REFERRAL_ASSESSMENT_WORKING_DAYS, durationsInForce, type DurationRow, type DurationSet } from "./durations";
import { NOTICE_MESSAGES, type DeadlineKind, type NoticeId, type Phase } from "./labels";
import { expectedCodes, withJustRegisteredLast } from "./expected";
import { codeBookOn, DEFAULT_RULE_TABLES, type RuleTables } from "./rule-tables";
import type { Deadline, EventInput, ExpectedCode, Notice, PathwayEvaluation, PathwayInput } from "./types";

// Runs for every pathway of a national extract, so the hot path avoids
// closures, intermediate arrays and repeated scans: each step is one loop.

interface ParsedEvent {
  id: string;
  date: IsoDate;
  letter: EventLetter | null;
  outcome: string | null;
  /** counts for deadlines and phase */
  valid: boolean;
}

function addNotice(notices: Notice[], id: NoticeId, e: { id: string; date: IsoDate }): void {
  notices.push({ id, date: e.date, message: NOTICE_MESSAGES[id], eventId: e.id });
}

/** A live event with its parse, so that ordering and judging parse once. */
interface LiveEvent {
  e: EventInput;
  parsed: ParsedCode;
  rank: number;
}

/**
 * Annulled events are ignored; order is clinical date, then the day's
 * clinical order of letters (CLINICAL_ORDER), then recorded time, then id, so
 * the result never depends on file or registration order.
 */
function prepare(pathway: PathwayInput, notices: Notice[], today: IsoDate, tables: RuleTables): ParsedEvent[] {
  const sorted = liveEventsInOrder(pathway.events, pathway.type, tables);
  const inForce = PATHWAY_IN_FORCE[pathway.type];
  const parsedEvents: ParsedEvent[] = [];
  for (const { e, parsed } of sorted) {
    if (e.date > today) addNotice(notices, "FUTURE_DATE", e);
    if (e.date < inForce) addNotice(notices, "NOT_IN_FORCE", e);
    if (!parsed.ok || invalidForType(parsed.letter, parsed.outcome, pathway.type)) {
      addNotice(notices, "INVALID_CODE", e);
      parsedEvents.push({ id: e.id, date: e.date, letter: parsed.ok ? parsed.letter : null, outcome: null, valid: false });
      continue;
    }
    const definition: EventDefinition = EVENT_DEFINITIONS[parsed.letter];
    const missing = definition.requiresOutcome && !parsed.outcome;
    if (missing) addNotice(notices, "MISSING_OUTCOME", e);
    parsedEvents.push({ id: e.id, date: e.date, letter: parsed.letter, outcome: parsed.outcome, valid: !missing });
  }
  return parsedEvents;
}

/**
 * U's outcome is its activity: U events registered before the outcome carried
 * it have it in `activityCode`. Only U's: other letters never read that field.
 */
function parseEvent(e: EventInput, type: PathwayInput["type"], tables: RuleTables): ParsedCode {
  // judged by the code tables in force on the event's clinical date
  const book = codeBookOn(tables, e.date);
  const parsed = parseCode(e.code, e.outcome, type, book);
  if (parsed.ok && parsed.letter === "U" && parsed.outcome === null && e.activityCode) return parseCode(e.code, e.activityCode, type, book);
  return parsed;
}

/** Pathways hold a handful of events, where insertion sort beats Array#sort; both are stable, so the order is the same. */
const INSERTION_SORT_MAX = 24;

function liveEventsInOrder(events: EventInput[], type: PathwayInput["type"], tables: RuleTables): LiveEvent[] {
  const live: LiveEvent[] = [];
  for (const e of events) {
    if (e.annulled || !isValidIsoDate(e.date)) continue;
    const parsed = parseEvent(e, type, tables);
    live.push({ e, parsed, rank: clinicalRank(parsed.ok ? parsed.letter : null) });
  }
  if (live.length > INSERTION_SORT_MAX) return live.sort(compareEvents);
  for (let i = 1; i < live.length; i++) {
    const x = live[i];
    let j = i - 1;
    for (; j >= 0 && compareEvents(live[j], x) > 0; j--) live[j + 1] = live[j];
    live[j + 1] = x;
  }
  return live;
}

function compareEvents(x: LiveEvent, y: LiveEvent): number {
  const a = x.e;
  const b = y.e;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (x.rank !== y.rank) return x.rank - y.rank;
  const ra = a.recordedAt ?? "";
  const rb = b.recordedAt ?? "";
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** NPR's sequence notices on the coded events (those with a letter, valid or not). */
function sequenceNotices(pathway: PathwayInput, events: ParsedEvent[], notices: Notice[]): void {
  let firstCoded: ParsedEvent | null = null;
  let hasStart = false;
  for (const e of events) {
    if (e.letter === null) continue;
    firstCoded ??= e;
    if (e.letter === "A") hasStart = true;
  }
  if (firstCoded === null) return;
  if (!hasStart) addNotice(notices, "MISSING_START", firstCoded);
  else if (firstCoded.letter !== "A") addNotice(notices, "FIRST_NOT_START", firstCoded);

  let seenM = false;
  let seenC = false;
  let cCount = 0;
  let closedOn: IsoDate | null = null;
  for (const e of events) {
    if (e.letter === null) continue;
    if (closedOn && e.date > closedOn) addNotice(notices, "EVENT_AFTER_END", e);
    switch (e.letter) {
      case "M":
        if (seenC) addNotice(notices, "M_AFTER_C", e);
        seenM = true;
        break;
      case "C":
        cCount += 1;
        if (!seenM && !pathway.directTreatmentRight) addNotice(notices, "C_WITHOUT_M", e);
        if (cCount > 2) addNotice(notices, "TOO_MANY_C", e);
        seenC = true;
        break;
      case "E":
        if (!seenC) addNotice(notices, "E_WITHOUT_C", e);
        break;
      case "F":
        if (!seenC) addNotice(notices, "F_WITHOUT_C", e);
        break;
      case "X":
        // an X without its outcome closes nothing (MISSING_OUTCOME)
        if (e.valid) closedOn ??= e.date;
        break;
    }
  }
}

/** The valid events the deadlines and the phase hang on, gathered in one pass. */
interface Milestones {
  start: ParsedEvent | null;
  firstM: ParsedEvent | null;
  /** valid C, in order */
  decisions: ParsedEvent[];
  /** dates of valid L (patient-caused delays) */
  delays: IsoDate[];
  /** dates of valid E, in order */
  evaluations: IsoDate[];
  /** dates of valid X, in order */
  closings: IsoDate[];
  /** an F among the valid events after the last valid C */
  feedbackSent: boolean;
  /** dates of valid C with a treatment outcome (P, T) */
  treatmentDecisions: IsoDate[];
  /** valid U: date and activity */
  activities: { date: IsoDate; code: string }[];
}

// Most pathways have no treatment decision or activity: share one empty list.
// Never pushed to (replaced by a list of its own first, below); the evaluation
// hands it out as a readonly array.
const NONE: never[] = [];

function milestones(events: ParsedEvent[]): Milestones {
  const m: Milestones = {
    start: null, firstM: null, decisions: [], delays: [], evaluations: [], closings: [], feedbackSent: false, treatmentDecisions: NONE, activities: NONE,
  };
  for (const e of events) {
    if (!e.valid) continue;
    switch (e.letter) {
      case "A":
        m.start ??= e;
        break;
      case "M":
        m.firstM ??= e;
        break;
      case "C":
        m.decisions.push(e);
        m.feedbackSent = false;
        if (e.outcome !== null && TREATMENT_OUTCOMES.includes(e.outcome)) {
          if (m.treatmentDecisions === NONE) m.treatmentDecisions = [];
          m.treatmentDecisions.push(e.date);
        }
        break;
      case "U":
        if (m.activities === NONE) m.activities = [];
        m.activities.push({ date: e.date, code: e.outcome ?? "" });
        break;
      case "F":
        if (m.decisions.length > 0) m.feedbackSent = true;
        break;
      case "L":
        m.delays.push(e.date);
        break;
      case "E":
        m.evaluations.push(e.date);
        break;
      case "X":
        m.closings.push(e.date);
        break;
    }
  }
  return m;
}

/** What every deadline of one pathway is judged against. */
interface Judging {
  today: IsoDate;
  closedOn: IsoDate | null;
  delays: IsoDate[];
  row: DurationRow | null;
}

function finish(
  deadlines: Deadline[], j: Judging, kind: DeadlineKind, from: IsoDate, due: IsoDate, durationDays: number,
  unit: Deadline["unit"], completedOn: IsoDate | null, unconfirmed: boolean,
): void {
  const { closedOn, today } = j;
  // A pathway closed before an open deadline fell due leaves no deadline behind.
  if (completedOn === null && closedOn !== null && closedOn <= due) return;
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
    for (const d of j.delays) if (d >= from && d <= judgedOn) cause = "patient";
  }
  deadlines.push({ kind, from, due, completedOn, met, daysLate, cause, durationDays, unit, unconfirmed });
}

function calendarDeadline(
  deadlines: Deadline[], j: Judging, kind: DeadlineKind, from: IsoDate, days: number, completedOn: IsoDate | null, key: keyof DurationSet,
): void {
  const unconfirmed = j.row !== null && j.row.unconfirmed.includes(key);
  finish(deadlines, j, kind, from, addCalendarDays(from, days), days, "calendar_days", completedOn, unconfirmed);
}

/** Index of the first date ≥ `from` in an ascending list (its length when none). */
function firstOnOrAfter(dates: IsoDate[], from: IsoDate): number {
  let i = 0;
  while (i < dates.length && dates[i] < from) i++;
  return i;
}

function firstDecisionWith(decisions: ParsedEvent[], outcomes: readonly string[]): number {
  for (let i = 0; i < decisions.length; i++) {
    const outcome = decisions[i].outcome;
    if (outcome !== null && outcomes.includes(outcome)) return i;
  }
  return -1;
}

/**
 * The legal deadline (juridisk frist): from the assessment (the start A, dated
 * the day the referral was assessed) to the date set there, in calendar days
 * (a date, not a duration: holidays play no part), met by the first valid M on
 * or before it. Without an A the referral's receipt, then the deadline itself,
 * stands in as `from`, so an L is still attributed and the deadline still shown.
 */
function careStartDeadline(deadlines: Deadline[], j: Judging, careDeadline: IsoDate, m: Milestones, referral: IsoDate | null): void {
  const from = m.start?.date ?? referral ?? careDeadline;
  finish(deadlines, j, "care_start", from, careDeadline, daysBetween(from, careDeadline), "calendar_days", m.firstM?.date ?? null, false);
}

/** Deadlines in a fixed order: referral, first attendance, legal deadline, basis, extended, first evaluation, evaluations. */
function deadlinesOf(pathway: PathwayInput, m: Milestones, referral: IsoDate | null, j: Judging): Deadline[] {
  const deadlines: Deadline[] = [];
  const d: DurationSet = j.row?.durations ?? {};
  const { start, firstM, decisions } = m;
  if (referral) {
    const due = addWorkingDays(referral, REFERRAL_ASSESSMENT_WORKING_DAYS);
    finish(deadlines, j, "referral_assessment", referral, due, REFERRAL_ASSESSMENT_WORKING_DAYS, "working_days", start?.date ?? null, false);
    const attendanceDays = pathway.severe && d.firstAttendanceSevere ? d.firstAttendanceSevere : d.firstAttendance;
    if (attendanceDays !== undefined) calendarDeadline(deadlines, j, "first_attendance", referral, attendanceDays, firstM?.date ?? null, "firstAttendance");
  }
  const careDeadline = pathway.careDeadline;
  if (careDeadline && isValidIsoDate(careDeadline)) careStartDeadline(deadlines, j, careDeadline, m, referral);
  if (firstM && d.basisAssessment !== undefined) {
    let decision: ParsedEvent | null = null;
    for (const c of decisions) if (c.date >= firstM.date) { decision = c; break; }
    calendarDeadline(deadlines, j, "basis_assessment", firstM.date, d.basisAssessment, decision?.date ?? null, "basisAssessment");
  }
  const extended = firstDecisionWith(decisions, EXTENDED_OUTCOMES);
  if (extended >= 0 && d.extendedAssessment !== undefined) {
    const next = decisions[extended + 1] ?? null;
    calendarDeadline(deadlines, j, "extended_assessment", decisions[extended].date, d.extendedAssessment, next?.date ?? null, "extendedAssessment");
  }
  const treatment = firstDecisionWith(decisions, TREATMENT_OUTCOMES);
  if (treatment >= 0 && d.firstEvaluation !== undefined) {
    const decidedOn = decisions[treatment].date;
    // Events are in date order, so the evaluations on or after the decision are a suffix.
    const evaluations = m.evaluations;
    const first = firstOnOrAfter(evaluations, decidedOn);
    calendarDeadline(deadlines, j, "first_evaluation", decidedOn, d.firstEvaluation, evaluations[first] ?? null, "firstEvaluation");
    if (d.evaluation !== undefined) {
      for (let i = first; i < evaluations.length; i++) {
        calendarDeadline(deadlines, j, "evaluation", evaluations[i], d.evaluation, evaluations[i + 1] ?? null, "evaluation");
      }
    }
  }
  return deadlines;
}

/**
 * Evaluates one pathway on a given day. Pure: no clock, no I/O; never throws
 * on bad events. `tables`: the rule tables (the server passes the stored
 * versions; rule-tables.ts says which version applies when).
 */
export function evaluatePathway(pathway: PathwayInput, today: IsoDate, tables: RuleTables = DEFAULT_RULE_TABLES): PathwayEvaluation {
  const notices: Notice[] = [];
  const events = prepare(pathway, notices, today, tables);
  sequenceNotices(pathway, events, notices);
  const m = milestones(events);
  const { start, firstM } = m;

  // The first valid X on or after the start (any X when there is no start).
  const closedOn = m.closings[start ? firstOnOrAfter(m.closings, start.date) : 0] ?? null;
  const referral = pathway.referralReceived && isValidIsoDate(pathway.referralReceived) ? pathway.referralReceived : null;
  const judgedFrom = start?.date ?? referral ?? firstValidDate(events) ?? today;
  // domain.md: a pathway is judged by the durations in force on its start date
  const row = durationsInForce(pathway.type, pathway.setting, judgedFrom, tables.durations);
  const deadlines = deadlinesOf(pathway, m, referral, { today, closedOn, delays: m.delays, row });

  let nextDeadline: Deadline | null = null;
  for (const x of deadlines) if (x.completedOn === null && (!nextDeadline || x.due < nextDeadline.due)) nextDeadline = x;
  const lastDecision = m.decisions.length > 0 ? m.decisions[m.decisions.length - 1] : null;
  const phase = phaseOf(start !== null, firstM !== null, lastDecision?.outcome ?? null, closedOn !== null);
  const eventDates: IsoDate[] = [];
  for (const e of events) if (e.letter !== null) eventDates.push(e.date);
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
    nextExpectedCodes: withJustRegisteredLast(withoutDoneActivities(expectedCodes(phase, pathway.type, m.feedbackSent), m.activities), lastValid(events)),
    eventCount: events.length,
    lastEventDate: events.length ? events[events.length - 1].date : null,
    eventDates,
    treatmentDecisionDates: m.treatmentDecisions,
    activities: m.activities,
  };
}

/** An activity already registered is not suggested again. */
function withoutDoneActivities(codes: ExpectedCode[], activities: Milestones["activities"]): ExpectedCode[] {
  if (activities.length === 0) return codes;
  return codes.filter((c) => c.code !== "U" || !activities.some((a) => a.code === c.outcome));
}

/** The latest valid event in clinical order (same-day events by recorded time). */
function lastValid(events: ParsedEvent[]): { letter: string; outcome: string | null } | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.valid && e.letter !== null) return { letter: e.letter, outcome: e.outcome };
  }
  return null;
}

function firstValidDate(events: ParsedEvent[]): IsoDate | null {
  for (const e of events) if (e.valid) return e.date;
  return null;
}

function phaseOf(started: boolean, attended: boolean, lastOutcome: string | null, closed: boolean): Phase {
  if (closed) return "closed";
  if (lastOutcome) {
    if (EXTENDED_OUTCOMES.includes(lastOutcome)) return "extended_assessment";
    if (TREATMENT_OUTCOMES.includes(lastOutcome)) return "treatment";
    const o: OutcomeDefinition | undefined = DECISION_OUTCOMES[lastOutcome as keyof typeof DECISION_OUTCOMES];
    if (o?.endsPathway) return "awaiting_closure";
  }
  if (attended) return "basis_assessment";
  if (started) return "awaiting_first_attendance";
  return "awaiting_start";
}
