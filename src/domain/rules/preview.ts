import type { IsoDate } from "@/lib/dates";
import { daysBetween } from "./calendar";
import { parseCode, type EventDefinition } from "./codes";
import { evaluatePathway } from "./evaluate";
import { codeBookOn, DEFAULT_RULE_TABLES, type RuleTables } from "./rule-tables";
import { DEADLINE_LABELS, PHASE_LABELS } from "./labels";
import type { Deadline, EventInput, Notice, PathwayEvaluation, PathwayInput } from "./types";

const noticeKey = (n: Notice) => `${n.id}|${n.eventId ?? ""}|${n.date}`;
const deadlineKey = (d: Deadline) => `${d.kind}|${d.from}`;

/**
 * What registering `event` would do: the evaluation after it, the notices it
 * adds, the deadlines it closes, and one Norwegian sentence for the form
 * ("Klinisk beslutning på dag 38 av 42: innenfor anbefalt tid").
 */
export function previewEvent(
  pathway: PathwayInput,
  event: EventInput,
  today: IsoDate,
  tables: RuleTables = DEFAULT_RULE_TABLES,
): { before: PathwayEvaluation; after: PathwayEvaluation; newNotices: Notice[]; completedDeadlines: Deadline[]; summary: string } {
  const before = evaluatePathway(pathway, today, tables);
  // Without a recorded time, the new event is the last of its day.
  const added = { ...event, recordedAt: event.recordedAt ?? "9999-12-31T23:59:59.999Z" };
  const after = evaluatePathway({ ...pathway, events: [...pathway.events, added] }, today, tables);
  const known = new Set(before.notices.map(noticeKey));
  const newNotices = after.notices.filter((n) => !known.has(noticeKey(n)));
  const openBefore = new Set(before.deadlines.filter((d) => d.completedOn === null).map(deadlineKey));
  const completedDeadlines = after.deadlines.filter((d) => d.completedOn === event.date && openBefore.has(deadlineKey(d)));

  const book = codeBookOn(tables, event.date);
  const parsed = parseCode(event.code, event.outcome, pathway.type, book);
  const definition: EventDefinition | undefined = parsed.ok ? book[parsed.letter] : undefined;
  const label = definition?.label ?? "Hendelsen";
  let summary: string;
  const closed = completedDeadlines.find((d) => d.unit === "calendar_days") ?? completedDeadlines[0];
  if (closed) {
    const day = daysBetween(closed.from, event.date);
    const verdict = closed.met
      ? "innenfor anbefalt tid"
      : `${closed.daysLate} ${closed.daysLate === 1 ? "dag" : "dager"} over anbefalt tid${closed.cause === "patient" ? " (pasientutsatt)" : ""}`;
    summary =
      closed.unit === "working_days"
        ? `${label}: ${DEADLINE_LABELS[closed.kind].toLowerCase()} ${verdict}.`
        : `${label} på dag ${day} av ${closed.durationDays}: ${verdict}.`;
  } else {
    summary = `${label} registreres. Fase etterpå: ${PHASE_LABELS[after.phase].toLowerCase()}.`;
  }
  if (newNotices.length > 0) summary += ` Gir ${newNotices.length === 1 ? "én oppmerksomhet" : `${newNotices.length} oppmerksomheter`}.`;
  return { before, after, newNotices, completedDeadlines, summary };
}
