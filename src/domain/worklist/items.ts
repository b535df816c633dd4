import type { IsoDate } from "@/lib/dates";
import {
  addCalendarDays, DECISION_OUTCOMES, DEFAULT_RULE_TABLES, parseCode, worklistThresholdsOn,
  type Deadline, type RuleTables, type DecisionOutcome, type Notice, type PathwayEvaluation, type PathwayInput,
} from "@/domain/rules";
import type { WorklistReason } from "./rules";

// Turns the rules engine's verdict on one pathway into the actions it needs
// from the forløpskoordinator. Every item is stored, due or not; the worklist
// query shows those due within the chosen horizon, so the list stays right as
// days pass without recomputing.

export interface WorklistItemDraft {
  reason: WorklistReason;
  /** stable within the pathway; explanations and postponements refer to it */
  key: string;
  dueOn: IsoDate;
  sinceOn: IsoDate | null;
  deadlineKind: string | null;
  noticeId: string | null;
  eventId: string | null;
  outcome: string | null;
}

export interface WorklistContext {
  /** CONCURRENT notices, computed across the patient's pathways */
  concurrent: Notice[];
  /** keys of notices a coordinator has explained */
  explainedNoticeKeys: ReadonlySet<string>;
  /** the rule tables (their worklist thresholds); the built-in ones when left out */
  tables?: RuleTables;
}

export function noticeKey(notice: Pick<Notice, "id" | "date" | "eventId">): string {
  return `notice:${notice.id}:${notice.eventId ?? notice.date}`;
}

interface DecisionEvent {
  id: string;
  date: IsoDate;
  outcome: string | null;
  recordedAt: string;
}

/** The valid C and F events in clinical order (annulled ones ignored). */
function decisionsAndFeedback(pathway: PathwayInput) {
  const decisions: DecisionEvent[] = [];
  const feedbackDates: IsoDate[] = [];
  for (const e of pathway.events) {
    if (e.annulled) continue;
    const parsed = parseCode(e.code, e.outcome, pathway.type);
    if (!parsed.ok) continue;
    if (parsed.letter === "C") decisions.push({ id: e.id, date: e.date, outcome: parsed.outcome, recordedAt: e.recordedAt ?? "" });
    if (parsed.letter === "F") feedbackDates.push(e.date);
  }
  // the engine's order (date, recorded time, id), whatever order the events came in
  decisions.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.recordedAt !== b.recordedAt ? (a.recordedAt < b.recordedAt ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { decisions, feedbackDates };
}

function draft(partial: Partial<WorklistItemDraft> & Pick<WorklistItemDraft, "reason" | "key" | "dueOn">): WorklistItemDraft {
  return { sinceOn: null, deadlineKind: null, noticeId: null, eventId: null, outcome: null, ...partial };
}

export function worklistItems(pathway: PathwayInput, evaluation: PathwayEvaluation, context: WorklistContext): WorklistItemDraft[] {
  const items: WorklistItemDraft[] = [];
  const open = evaluation.phase !== "closed";
  // each threshold as in force on the day its item's period starts (rule-tables.ts)
  const tables = context.tables ?? DEFAULT_RULE_TABLES;
  const threshold = (on: IsoDate) => worklistThresholdsOn(tables, on);

  // A missing start (A) leaves the referral deadline open: that is a coding
  // error, reported once as the MISSING_START notice, not as a second row.
  const missingStart = evaluation.notices.some((n) => n.id === "MISSING_START");
  for (const d of evaluation.deadlines) {
    if (!open) continue;
    if (d.kind === "care_start") {
      const item = legalDeadlineItem(pathway, d);
      if (item) items.push(item);
      continue;
    }
    if (d.completedOn !== null) continue;
    if (d.kind === "referral_assessment" && missingStart) continue;
    items.push(
      draft({
        reason: d.kind === "referral_assessment" ? "REFERRAL_NOT_ASSESSED" : "DEADLINE",
        key: `deadline:${d.kind}:${d.from}`,
        dueOn: d.due,
        sinceOn: d.from,
        deadlineKind: d.kind,
      }),
    );
  }

  const hasFirstAttendanceNorm = evaluation.deadlines.some((d) => d.kind === "first_attendance");
  if (evaluation.phase === "awaiting_first_attendance" && evaluation.startedOn && !hasFirstAttendanceNorm) {
    items.push(
      draft({
        reason: "NO_FIRST_ATTENDANCE",
        key: "no_first_attendance",
        dueOn: addCalendarDays(evaluation.startedOn, threshold(evaluation.startedOn).firstAttendanceGraceDays),
        sinceOn: evaluation.startedOn,
      }),
    );
  }

  if (open) {
    const { decisions, feedbackDates } = decisionsAndFeedback(pathway);
    for (const c of decisions) {
      if (!feedbackDates.some((f) => f >= c.date)) {
        items.push(
          draft({
            reason: "FEEDBACK_MISSING",
            key: `feedback:${c.id}`,
            dueOn: addCalendarDays(c.date, threshold(c.date).feedbackDays),
            sinceOn: c.date,
            eventId: c.id,
            outcome: c.outcome,
          }),
        );
      }
    }
    const last = decisions[decisions.length - 1];
    if (last?.outcome && DECISION_OUTCOMES[last.outcome as DecisionOutcome]?.endsPathway) {
      items.push(
        draft({
          reason: "OUTCOME_NOT_CLOSED",
          key: `outcome_not_closed:${last.id}`,
          dueOn: addCalendarDays(last.date, threshold(last.date).closeAfterDecisionDays),
          sinceOn: last.date,
          eventId: last.id,
          outcome: last.outcome,
        }),
      );
    }
    if (evaluation.lastEventDate) {
      items.push(
        draft({
          reason: "INACTIVE",
          key: "inactive",
          dueOn: addCalendarDays(evaluation.lastEventDate, threshold(evaluation.lastEventDate).inactivityDays),
          sinceOn: evaluation.lastEventDate,
        }),
      );
    }
  }

  for (const notice of evaluation.notices) {
    const key = noticeKey(notice);
    if (context.explainedNoticeKeys.has(key)) continue;
    items.push(draft({ reason: "NOTICE_UNEXPLAINED", key, dueOn: notice.date, sinceOn: notice.date, noticeId: notice.id, eventId: notice.eventId }));
  }
  if (open) {
    for (const notice of context.concurrent) {
      const key = noticeKey(notice);
      if (context.explainedNoticeKeys.has(key)) continue;
      items.push(draft({ reason: "CONCURRENT", key, dueOn: notice.date, sinceOn: notice.date, noticeId: notice.id }));
    }
  }
  return dedupeByKey(items);
}

/**
 * The legal deadline (juridisk frist) while the pathway is open: due, or a
 * fristbrudd. An open deadline past due is a breach (the nightly recompute
 * turns the row over the day after it falls due); a first attendance after it
 * settles the breach, which stays on the list (with that M as its event and
 * date, `sinceOn`) for the coordinator to follow up until the pathway closes.
 */
function legalDeadlineItem(pathway: PathwayInput, d: Deadline): WorklistItemDraft | null {
  if (d.met === true) return null;
  const key = `deadline:${d.kind}:${d.from}`;
  if (d.completedOn === null) {
    return draft({ reason: d.met === false ? "LEGAL_DEADLINE_BREACHED" : "LEGAL_DEADLINE", key, dueOn: d.due, sinceOn: d.from, deadlineKind: d.kind });
  }
  return draft({ reason: "LEGAL_DEADLINE_BREACHED", key, dueOn: d.due, sinceOn: d.completedOn, deadlineKind: d.kind, eventId: firstAttendanceOn(pathway, d.completedOn) });
}

/** The M that completed a deadline on `date` (the engine's order among same-day M: recorded time, then id). */
function firstAttendanceOn(pathway: PathwayInput, date: IsoDate): string | null {
  let found: { id: string; recordedAt: string } | null = null;
  for (const e of pathway.events) {
    if (e.annulled || e.date !== date) continue;
    const parsed = parseCode(e.code, e.outcome, pathway.type);
    if (!parsed.ok || parsed.letter !== "M") continue;
    const candidate = { id: e.id, recordedAt: e.recordedAt ?? "" };
    if (!found || candidate.recordedAt < found.recordedAt || (candidate.recordedAt === found.recordedAt && candidate.id < found.id)) found = candidate;
  }
  return found?.id ?? null;
}

/** Two notices of one kind on one event would collide; keep the first. */
function dedupeByKey(items: WorklistItemDraft[]): WorklistItemDraft[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.key) ? false : (seen.add(item.key), true)));
}
