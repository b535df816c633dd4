import { DEADLINE_LABELS, PHASE_LABELS } from "@/domain/rules";
import type { ByteReport } from "./byte-report";
import type { CheckedPathway } from "./extract";

// One pathway's part of the check CLI's report, in either format, written
// into the report's bytes.

/** One pathway's lines of the table, each ending in a line break, and an empty line after. */
export function tableBlock(c: CheckedPathway): string {
  const e = c.evaluation;
  const lines = [`${e.pathwayId} (${e.type}, ${e.setting}${c.patientId ? `, pasient ${c.patientId}` : ""}): ${PHASE_LABELS[e.phase]}`];
  for (const d of e.deadlines) {
    const breach = d.kind === "care_start" ? " – fristbrudd" : "";
    const status = d.met === true ? "innenfor" : d.met === false ? `${d.daysLate} dager over${d.cause === "patient" ? " (pasientutsatt)" : ""}${breach}` : "åpen";
    lines.push(`  ${DEADLINE_LABELS[d.kind]}: frist ${d.due}${d.completedOn ? `, fullført ${d.completedOn}` : ""} – ${status}`);
  }
  for (const n of e.notices) lines.push(`  ! ${n.date} ${n.id}: ${n.message}`);
  lines.push("");
  return lines.map((l) => `${l}\n`).join("");
}

export function writeTable(c: CheckedPathway, out: ByteReport): void {
  out.text(tableBlock(c));
}

/**
 * What the JSON report says of a pathway: the object it holds, as written by
 * JSON.stringify (writeJson writes exactly its text; the tests hold it to this).
 */
export function jsonObjectOf({ patientId, evaluation: e }: CheckedPathway) {
  return {
    pathwayId: e.pathwayId,
    patientId,
    type: e.type,
    setting: e.setting,
    phase: e.phase,
    deadlines: e.deadlines.map(({ kind, from, due, completedOn, met, daysLate, cause }) => ({ kind, from, due, completedOn, met, daysLate, cause })),
    notices: e.notices.map(({ id, date, message }) => ({ id, date, message })),
  };
}

/** `JSON.stringify(jsonObjectOf(c))`, written piece by piece: no object or string made for it. */
export function writeJson(c: CheckedPathway, out: ByteReport): void {
  const e = c.evaluation;
  if (!plain(c)) return out.text(JSON.stringify(jsonObjectOf(c)));
  out.ascii('{"pathwayId":');
  out.jsonString(e.pathwayId);
  out.ascii(',"patientId":');
  out.jsonString(c.patientId);
  out.ascii(',"type":');
  out.jsonString(e.type);
  out.ascii(',"setting":');
  out.jsonString(e.setting);
  out.ascii(',"phase":');
  out.jsonString(e.phase);
  out.ascii(',"deadlines":[');
  const deadlines = e.deadlines;
  for (let i = 0; i < deadlines.length; i++) {
    const d = deadlines[i];
    out.ascii(i ? ',{"kind":' : '{"kind":');
    out.jsonString(d.kind);
    out.ascii(',"from":');
    out.jsonString(d.from);
    out.ascii(',"due":');
    out.jsonString(d.due);
    out.ascii(',"completedOn":');
    if (d.completedOn === null) out.ascii("null");
    else out.jsonString(d.completedOn);
    out.ascii(d.met === null ? ',"met":null,"daysLate":' : d.met ? ',"met":true,"daysLate":' : ',"met":false,"daysLate":');
    out.jsonNumber(d.daysLate);
    out.ascii(',"cause":');
    if (d.cause === null) out.ascii("null");
    else out.jsonString(d.cause);
    out.ascii("}");
  }
  out.ascii('],"notices":[');
  const notices = e.notices;
  for (let i = 0; i < notices.length; i++) {
    const n = notices[i];
    out.ascii(i ? ',{"id":' : '{"id":');
    out.jsonString(n.id);
    out.ascii(',"date":');
    out.jsonString(n.date);
    out.ascii(',"message":');
    out.jsonString(n.message);
    out.ascii("}");
  }
  out.ascii("]}");
}

/**
 * Every value of the pathway's JSON of the type the engine promises (strings,
 * null, booleans, numbers): JSON.stringify would drop an undefined key or
 * call a toJSON, so anything else takes JSON.stringify's own way.
 */
function plain({ patientId, evaluation: e }: CheckedPathway): boolean {
  if (typeof patientId !== "string" || typeof e.pathwayId !== "string" || typeof e.type !== "string" || typeof e.setting !== "string" || typeof e.phase !== "string") return false;
  for (const d of e.deadlines) {
    if (typeof d.kind !== "string" || typeof d.from !== "string" || typeof d.due !== "string" || typeof d.daysLate !== "number") return false;
    if ((d.completedOn !== null && typeof d.completedOn !== "string") || (d.met !== null && typeof d.met !== "boolean") || (d.cause !== null && typeof d.cause !== "string")) return false;
  }
  for (const n of e.notices) if (typeof n.id !== "string" || typeof n.date !== "string" || typeof n.message !== "string") return false;
  return true;
}
