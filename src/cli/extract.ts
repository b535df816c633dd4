import { PATHWAY_TYPES, concurrentNotices, evaluatePathway, isValidIsoDate, typePrefixOf, type PathwayEvaluation, type PathwayInput, type PathwayType, type Setting } from "@/domain/rules";
import { parseCsv } from "./csv";

// Reads an extract from the patient record system (one coded event per row)
// into pathways, and evaluates them with the rules engine.

// care_deadline (optional): the juridisk frist set at the referral assessment; the first non-empty value of a pathway counts.
export const COLUMNS = ["pathway_id", "patient_id", "type", "setting", "date", "code", "outcome", "referral_received", "care_deadline"] as const;
const REQUIRED = ["pathway_id", "date", "code"] as const;

export interface RowError {
  line: number;
  message: string;
}

export interface CheckedPathway {
  patientId: string;
  evaluation: PathwayEvaluation;
}

export function readExtract(text: string): { pathways: Map<string, PathwayInput & { patientId: string }>; errors: RowError[] } {
  const rows = parseCsv(text);
  const errors: RowError[] = [];
  const pathways = new Map<string, PathwayInput & { patientId: string }>();
  if (rows.length === 0) return { pathways, errors: [{ line: 1, message: "Filen er tom: mangler overskriftsrad." }] };
  const header = rows[0].fields.map((h) => h.trim().toLowerCase());
  for (const name of header) if (!(COLUMNS as readonly string[]).includes(name)) errors.push({ line: rows[0].line, message: `Ukjent kolonne «${name}».` });
  for (const name of REQUIRED) if (!header.includes(name)) errors.push({ line: rows[0].line, message: `Kolonnen «${name}» mangler.` });
  if (errors.length) return { pathways, errors };

  for (const row of rows.slice(1)) {
    const get = (name: (typeof COLUMNS)[number]) => (header.indexOf(name) >= 0 ? (row.fields[header.indexOf(name)] ?? "").trim() : "");
    if (row.fields.length !== header.length) {
      errors.push({ line: row.line, message: `Raden har ${row.fields.length} felt, overskriften har ${header.length}.` });
      continue;
    }
    const id = get("pathway_id");
    const date = get("date");
    const code = get("code");
    const settingText = get("setting").toLowerCase() || "poliklinikk";
    const received = get("referral_received");
    const careDeadline = get("care_deadline");
    const problems: string[] = [];
    if (!id) problems.push("pathway_id er tom");
    if (!isValidIsoDate(date)) problems.push(`ugyldig dato «${date}» (bruk ÅÅÅÅ-MM-DD)`);
    if (!code) problems.push("code er tom");
    if (settingText !== "poliklinikk" && settingText !== "dogn") problems.push(`ugyldig setting «${settingText}» (poliklinikk eller dogn)`);
    if (received && !isValidIsoDate(received)) problems.push(`ugyldig referral_received «${received}»`);
    if (careDeadline && !isValidIsoDate(careDeadline)) problems.push(`ugyldig care_deadline «${careDeadline}» (juridisk frist, bruk ÅÅÅÅ-MM-DD)`);
    // A wrong letter or outcome after a known prefix (D11CZ) is a finding on
    // the row (INVALID_CODE), not a malformed file: the prefix gives the type.
    const prefix = code ? typePrefixOf(code) : null;
    const typeText = (get("type") || (prefix && "known" in prefix ? prefix.known : prefix?.unknown) || "").toUpperCase();
    if (!(PATHWAY_TYPES as readonly string[]).includes(typeText)) problems.push(typeText ? `ukjent type «${typeText}»` : "type mangler (verken i type-kolonnen eller i koden)");
    if (problems.length) {
      errors.push({ line: row.line, message: `${problems.join("; ")}.` });
      continue;
    }
    let pathway = pathways.get(id);
    // a pathway's type, setting and patient are one: rows that disagree are an error in any order
    const disagreement = pathway ? disagreementOf(pathway, typeText, settingText, get("patient_id")) : null;
    if (disagreement) {
      errors.push({ line: row.line, message: `${disagreement}.` });
      continue;
    }
    if (!pathway) {
      pathway = { id, patientId: get("patient_id"), type: typeText as PathwayType, setting: settingText as Setting, referralReceived: null, events: [] };
      pathways.set(id, pathway);
    }
    // rows that disagree: the earliest referral date counts, whatever the row order
    if (received && (!pathway.referralReceived || received < pathway.referralReceived)) pathway.referralReceived = received;
    if (careDeadline && !pathway.careDeadline) pathway.careDeadline = careDeadline;
    // No recorded time in an extract: same-day events of one letter are ordered by their content (the id
    // starts with it), never by their line, so the result does not depend on row order.
    const outcome = get("outcome") || null;
    const contentKey = `${date}|${code.toUpperCase()}|${(outcome ?? "").toUpperCase()}`;
    pathway.events.push({ id: `${id}:${contentKey}|${String(row.line).padStart(9, "0")}`, code, outcome, date, recordedAt: null });
  }
  return { pathways, errors };
}

function disagreementOf(pathway: PathwayInput & { patientId: string }, type: string, setting: string, patientId: string): string | null {
  if (pathway.type !== type) return `type «${type}» avviker fra forløpets andre rader («${pathway.type}»)`;
  if (pathway.setting !== setting) return `setting «${setting}» avviker fra forløpets andre rader («${pathway.setting}»)`;
  if (pathway.patientId !== patientId) return `patient_id «${patientId}» avviker fra forløpets andre rader («${pathway.patientId}»)`;
  return null;
}

export function checkExtract(pathways: Map<string, PathwayInput & { patientId: string }>, today: string): CheckedPathway[] {
  const checked = [...pathways.values()].map((p) => ({ patientId: p.patientId, evaluation: evaluatePathway(p, today) }));
  const concurrent = concurrentNotices(
    checked
      .filter((c) => c.patientId)
      .map((c) => ({
        id: c.evaluation.pathwayId,
        patientId: c.patientId,
        type: c.evaluation.type,
        openedOn: c.evaluation.startedOn ?? c.evaluation.eventDates[0] ?? today,
        closedOn: c.evaluation.closedOn,
      })),
  );
  for (const c of checked) c.evaluation.notices.push(...(concurrent.get(c.evaluation.pathwayId) ?? []));
  return checked;
}

/** Most urgent first: largest days late, then nearest due date, then notices. */
export function byUrgency(a: CheckedPathway, b: CheckedPathway): number {
  const late = (c: CheckedPathway) => Math.max(0, ...c.evaluation.deadlines.filter((d) => d.met === false && d.completedOn === null).map((d) => d.daysLate));
  const due = (c: CheckedPathway) => c.evaluation.nextDeadline?.due ?? "9999-12-31";
  return late(b) - late(a) || due(a).localeCompare(due(b)) || b.evaluation.notices.length - a.evaluation.notices.length || a.evaluation.pathwayId.localeCompare(b.evaluation.pathwayId);
}
