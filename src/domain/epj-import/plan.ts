import { personNameLengthProblem } from "@/domain/patient-name";
import { parseNationalId } from "@/domain/national-id";
import { codeBookOn, DEFAULT_RULE_TABLES, evaluatePathway, parseCode, type PathwayInput, type PathwayType, type RuleTables, type Setting } from "@/domain/rules";
import type { IsoDate } from "@/lib/dates";
import type { EpjColumn, EpjRow } from "@/lib/epj-csv/columns";
import { earliest } from "./earliest";
import { rowProblems } from "./row";

// The import's plan (pure, no I/O, no clock): what an EPJ extract would change
// in one unit, row by row and pathway by pathway. The dry run shows it; the
// import applies exactly it. A pathway is keyed by the EPJ's pathway_id
// (stored as its external id, unique per unit), an event by its event_id or,
// without one, by (date, letter, outcome). Nothing is ever deleted: an event
// stored here but absent from the file is reported ("finnes ikke i uttrekket").

export const CORRECTION_REASON = "korrigert i EPJ-uttrekk";

export interface StoredEvent {
  id: string;
  externalId: string | null;
  letter: string;
  outcome: string | null;
  date: IsoDate;
  recordedAt: string;
}

export interface StoredPathway {
  id: string;
  externalId: string;
  nationalId: string;
  type: PathwayType;
  setting: Setting;
  referralReceived: IsoDate;
  careDeadline: IsoDate | null;
  directTreatmentRight: boolean;
  severe: boolean;
  /** the events not annulled */
  events: StoredEvent[];
}

export interface PlanContext {
  today: IsoDate;
  allowSynthetic: boolean;
  /** the pathway types the unit runs */
  unitPathwayTypes: readonly PathwayType[];
  /** the unit's pathways that have an external id, by it */
  stored: ReadonlyMap<string, StoredPathway>;
  /** pathway_ids of the file that name a pathway of another unit */
  foreign: ReadonlySet<string>;
  /** national ids of patients already known in this unit */
  knownInUnit: ReadonlySet<string>;
  /** `${nationalId}|${type}` of the unit's open pathways coded in Forløpsvakt (no external id): the import never opens a second one */
  openByHand?: ReadonlySet<string>;
  /** the rule tables in force (the stored versions), as a registration by hand is judged; default the built-in ones */
  tables?: RuleTables;
}

export interface PlanRecord {
  line: number;
  row?: EpjRow;
  problem?: string;
  column?: EpjColumn;
}

export interface PlannedEvent {
  line: number;
  key: string;
  letter: string;
  outcome: string | null;
  date: IsoDate;
}

export interface PlannedPathway {
  externalId: string;
  /** set when the pathway is stored already */
  storedId: string | null;
  /** set when the pathway (with its referral) is to be created */
  create: {
    nationalId: string;
    birthDate: IsoDate;
    patientName: string;
    newInUnit: boolean;
    type: PathwayType;
    setting: Setting;
    referralReceived: IsoDate;
    careDeadline: IsoDate | null;
    referrer: string;
  } | null;
  add: PlannedEvent[];
  corrections: { storedEventId: string; event: PlannedEvent }[];
  unchanged: number;
  /** every accepted line of the pathway (progress) */
  lines: number;
}

export interface RefusedRow {
  line: number;
  column: string;
  message: string;
}

export interface PlanCounts {
  patientsCreated: number;
  referralsCreated: number;
  pathwaysCreated: number;
  eventsCreated: number;
  eventsUnchanged: number;
  eventsCorrected: number;
  rowsRefused: number;
  missingFromFile: number;
}

export interface ImportPlan {
  counts: PlanCounts;
  refused: RefusedRow[];
  missing: { pathwayId: string; eventId: string }[];
  pathways: PlannedPathway[];
  /** what the rules engine will say about each imported pathway afterwards */
  notices: { pathwayId: string; id: string; date: IsoDate; message: string }[];
  rows: number;
  /**
   * Stored records that refusals give away (their reason depends on them):
   * pathways by id (the unit's, or another unit's), patients by national id
   * (an open pathway registered by hand). Whoever is shown the refusals is
   * shown these patients, so the views audit them (server/epj-import/shown.ts).
   */
  disclosed: { pathwayIds: string[]; nationalIds: string[] };
}

export const contentKey = (date: string, letter: string, outcome: string | null) => `${date}|${letter}|${outcome ?? ""}`;

interface Draft {
  plan: PlannedPathway;
  stored: StoredPathway | null;
  type: string;
  setting: string;
  nationalId: string;
  patientId: string;
  seen: Map<string, number>;
  /** stored events a row named (unchanged or corrected) */
  matched: Set<string>;
  /** the earliest referral_received of the rows, and the earliest event date */
  earliestReceived: IsoDate | null;
  earliestDate: IsoDate;
}

const refuse = (refused: RefusedRow[], line: number, column: string, message: string) => refused.push({ line, column, message });

/** The plan for these rows (in file order) against what the unit stores. */
export function planImport(records: Iterable<PlanRecord>, ctx: PlanContext): ImportPlan {
  const refused: RefusedRow[] = [];
  const disclosed = { pathwayIds: new Set<string>(), nationalIds: new Set<string>() };
  const drafts = new Map<string, Draft>();
  let rows = 0;
  for (const record of records) {
    rows++;
    const { line, row } = record;
    if (!row) {
      refuse(refused, line, record.column ?? "", record.problem ?? "Raden kan ikke leses.");
      continue;
    }
    const { problems, type, setting } = rowProblems(row);
    if (problems.length) {
      refuse(refused, line, problems[0].column, `${problems.map((p) => p.message).join("; ")}.`);
      continue;
    }
    // names as the forms take them (2–200 characters): a patient or referral is never stored with a name a form would refuse
    const badName = (["patient_name", "referrer"] as const).find((c) => row[c] && personNameLengthProblem(row[c]));
    if (badName) {
      refuse(refused, line, badName, `${badName} ${personNameLengthProblem(row[badName])}.`);
      continue;
    }
    // judged by the code tables in force on the row's date (rowProblems checked the date)
    const parsed = parseCode(row.code, row.outcome || null, type as PathwayType, codeBookOn(ctx.tables ?? DEFAULT_RULE_TABLES, row.date));
    if (!parsed.ok) {
      refuse(refused, line, "code", `Ukjent kode «${row.code}»: ${parsed.error}`);
      continue;
    }
    if (row.date > ctx.today) {
      refuse(refused, line, "date", `Datoen ${row.date} er i fremtiden.`);
      continue;
    }
    if (row.referral_received && row.referral_received > ctx.today) {
      refuse(refused, line, "referral_received", `Henvisningsdatoen ${row.referral_received} er i fremtiden.`);
      continue;
    }
    const externalId = row.pathway_id;
    if (ctx.foreign.has(externalId)) {
      refuse(refused, line, "pathway_id", `Forløpet «${externalId}» hører til en annen enhet.`);
      disclosed.pathwayIds.add(externalId);
      continue;
    }
    let nationalId = "";
    let birthDate = "";
    if (row.national_id) {
      const id = parseNationalId(row.national_id, { today: ctx.today, allowSynthetic: ctx.allowSynthetic });
      if (!id.ok) {
        refuse(refused, line, "national_id", id.message);
        continue;
      }
      nationalId = id.value;
      birthDate = id.birthDate;
    }
    let draft = drafts.get(externalId);
    if (draft) {
      const why =
        draft.type !== type ? `type «${type}» avviker fra forløpets andre rader («${draft.type}»).`
        : draft.setting !== setting ? `setting «${setting}» avviker fra forløpets andre rader («${draft.setting}»).`
        : draft.patientId !== row.patient_id ? `patient_id «${row.patient_id}» avviker fra forløpets andre rader («${draft.patientId}»).`
        : nationalId && draft.nationalId && nationalId !== draft.nationalId ? "national_id avviker fra forløpets andre rader."
        : null;
      if (why) {
        refuse(refused, line, why.split(" ")[0], why);
        continue;
      }
    } else {
      const stored = ctx.stored.get(externalId) ?? null;
      if (stored) {
        if (stored.type !== type) {
          refuse(refused, line, "type", `type «${type}» avviker fra det lagrede forløpet («${stored.type}»).`);
          disclosed.pathwayIds.add(stored.id);
          continue;
        }
        if (nationalId && nationalId !== stored.nationalId) {
          refuse(refused, line, "national_id", "national_id avviker fra pasienten i det lagrede forløpet.");
          disclosed.pathwayIds.add(stored.id);
          continue;
        }
      } else {
        if (!ctx.unitPathwayTypes.includes(type as PathwayType)) {
          refuse(refused, line, "type", `Enheten har ikke pakkeforløp ${type}.`);
          continue;
        }
        if (!nationalId) {
          refuse(refused, line, "national_id", "national_id mangler: trengs for å opprette forløpet.");
          continue;
        }
        // as a registration by hand (PathwayAlreadyOpen): NPR would read two open pathways of a type as one
        if (ctx.openByHand?.has(`${nationalId}|${type}`)) {
          refuse(refused, line, "pathway_id", `Pasienten har allerede et åpent forløp ${type} i enheten, registrert i Forløpsvakt. Fortsett i det, eller avslutt det først.`);
          disclosed.nationalIds.add(nationalId);
          continue;
        }
        if (!row.patient_name && !ctx.knownInUnit.has(nationalId)) {
          refuse(refused, line, "patient_name", "patient_name mangler: trengs for en ny pasient.");
          continue;
        }
      }
      draft = {
        plan: {
          externalId,
          storedId: stored?.id ?? null,
          create: stored
            ? null
            : {
                nationalId,
                birthDate,
                patientName: row.patient_name,
                newInUnit: !ctx.knownInUnit.has(nationalId),
                type: type as PathwayType,
                setting: setting as Setting,
                referralReceived: row.referral_received || row.date,
                careDeadline: row.care_deadline || null,
                referrer: row.referrer || "Ukjent (EPJ-uttrekk)",
              },
          add: [],
          corrections: [],
          unchanged: 0,
          lines: 0,
        },
        stored,
        type,
        setting,
        nationalId: nationalId || stored?.nationalId || "",
        patientId: row.patient_id,
        seen: new Map(),
        matched: new Set(),
        earliestReceived: null,
        earliestDate: row.date,
      };
      drafts.set(externalId, draft);
    }
    const letter = parsed.letter;
    const outcome = parsed.outcome;
    const key = row.event_id || contentKey(row.date, letter, outcome);
    const earlier = draft.seen.get(key);
    if (earlier !== undefined) {
      refuse(refused, line, row.event_id ? "event_id" : "code", row.event_id ? `event_id «${row.event_id}» står også på linje ${earlier}.` : `Raden er lik linje ${earlier}.`);
      continue;
    }
    draft.seen.set(key, line);
    const create = draft.plan.create;
    if (create) {
      // rows that disagree: the earliest referral date and the earliest care deadline count, whatever the
      // row order (as the check CLI); without any referral date, the pathway's first event date
      draft.earliestReceived = earliest(draft.earliestReceived, row.referral_received);
      if (row.date < draft.earliestDate) draft.earliestDate = row.date;
      create.referralReceived = draft.earliestReceived ?? draft.earliestDate;
      create.careDeadline = earliest(create.careDeadline, row.care_deadline);
      if (!create.patientName && row.patient_name) create.patientName = row.patient_name;
    }
    draft.plan.lines++;
    const event: PlannedEvent = { line, key, letter, outcome, date: row.date };
    const match = draft.stored ? storedMatch(draft.stored, key, contentKey(row.date, letter, outcome)) : null;
    if (match && draft.matched.has(match.id)) {
      refuse(refused, line, "code", "Raden svarer til en hendelse som en annen rad i filen alt svarer til.");
      disclosed.pathwayIds.add(draft.stored!.id);
      draft.plan.lines--;
      continue;
    }
    if (match) draft.matched.add(match.id);
    if (!match) draft.plan.add.push(event);
    else if (match.letter === letter && (match.outcome ?? null) === (outcome ?? null) && match.date === row.date) draft.plan.unchanged++;
    else draft.plan.corrections.push({ storedEventId: match.id, event });
  }

  const pathways = [...drafts.values()].map((d) => d.plan);
  const missing: ImportPlan["missing"] = [];
  for (const stored of ctx.stored.values()) {
    const matched = drafts.get(stored.externalId)?.matched;
    for (const e of stored.events) if (!matched?.has(e.id)) missing.push({ pathwayId: stored.externalId, eventId: e.externalId ?? e.id });
  }

  const notices: ImportPlan["notices"] = [];
  for (const d of drafts.values()) {
    const evaluation = evaluatePathway(resultingInput(d), ctx.today, ctx.tables ?? DEFAULT_RULE_TABLES);
    for (const n of evaluation.notices) notices.push({ pathwayId: d.plan.externalId, id: n.id, date: n.date, message: n.message });
  }

  const created = pathways.filter((p) => p.create);
  const counts: PlanCounts = {
    patientsCreated: new Set(created.filter((p) => p.create!.newInUnit).map((p) => p.create!.nationalId)).size,
    referralsCreated: created.length,
    pathwaysCreated: created.length,
    eventsCreated: pathways.reduce((n, p) => n + p.add.length, 0),
    eventsUnchanged: pathways.reduce((n, p) => n + p.unchanged, 0),
    eventsCorrected: pathways.reduce((n, p) => n + p.corrections.length, 0),
    rowsRefused: refused.length,
    missingFromFile: missing.length,
  };
  return { counts, refused, missing, pathways, notices, rows, disclosed: { pathwayIds: [...disclosed.pathwayIds], nationalIds: [...disclosed.nationalIds] } };
}

/** The stored event a row names: by its key, else an event coded here (no external id) of the same content. */
function storedMatch(stored: StoredPathway, key: string, content: string): StoredEvent | null {
  return stored.events.find((e) => e.externalId === key) ?? stored.events.find((e) => e.externalId === null && contentKey(e.date, e.letter, e.outcome) === content) ?? null;
}

/** The pathway as it will be stored after the import, for the rules engine. */
function resultingInput(d: Draft): PathwayInput {
  const corrected = new Set(d.plan.corrections.map((c) => c.storedEventId));
  const base = d.stored;
  const kept = (base?.events ?? []).filter((e) => !corrected.has(e.id)).map((e) => ({ id: e.id, code: e.letter, outcome: e.outcome, date: e.date, recordedAt: e.recordedAt }));
  // ids led by the content, as the import gives the events it records at one time (apply.ts)
  const added = [...d.plan.add, ...d.plan.corrections.map((c) => c.event)].map((e) => ({ id: `~${contentKey(e.date, e.letter, e.outcome)}|${e.key}`, code: e.letter, outcome: e.outcome, date: e.date, recordedAt: null }));
  return {
    id: d.plan.externalId,
    type: (base?.type ?? d.plan.create!.type) as PathwayType,
    setting: (base?.setting ?? d.plan.create!.setting) as Setting,
    referralReceived: base?.referralReceived ?? d.plan.create!.referralReceived,
    careDeadline: base ? base.careDeadline : d.plan.create!.careDeadline,
    directTreatmentRight: base?.directTreatmentRight ?? false,
    severe: base?.severe ?? false,
    events: [...kept, ...added],
  };
}
