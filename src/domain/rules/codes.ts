// The one table of event letters (OID 9322) and decision outcomes (OID 9323).
// Letters marked confirmed: false are our local defaults where the official
// letter is not confirmed; they are shown as such and can be corrected here.

export const PATHWAY_TYPES = ["D01", "D11", "D12", "D06", "D07", "D08", "D09"] as const;
export type PathwayType = (typeof PATHWAY_TYPES)[number];

/** The date each pathway type came into force (innført). */
export const PATHWAY_IN_FORCE: Record<PathwayType, string> = {
  D01: "2019-01-01",
  D11: "2019-01-01",
  D12: "2019-01-01",
  D06: "2019-02-15",
  D07: "2019-02-15",
  D08: "2019-02-15",
  D09: "2019-10-02",
};

export const PATHWAY_NAMES: Record<PathwayType, string> = {
  D01: "Tverrfaglig spesialisert rusbehandling (TSB)",
  D11: "Utredning og behandling i psykisk helsevern, voksne",
  D12: "Utredning og behandling i psykisk helsevern, barn og unge",
  D06: "Psykoseutvikling og psykoselidelser",
  D07: "Tvangslidelse (OCD)",
  D08: "Spiseforstyrrelser hos barn og unge",
  D09: "Gravide som bruker/har brukt rusmidler",
};

/**
 * The values an outcome (utfall) may take. `values: null` accepts any 1–3
 * letters or digits: our sources give no official list for H, S, U and X, so
 * these lists are our reading, marked unconfirmed; a confirmed list replaces
 * one here without code changes (only its values are then accepted).
 */
export interface OutcomeList {
  confirmed: boolean;
  values: readonly { code: string; label: string }[] | null;
  /** values offered as one-click choices when any value is accepted (U's activities) */
  suggestions?: readonly { code: string; label: string }[];
}

export interface EventDefinition {
  label: string;
  confirmed: boolean;
  /** carries an outcome (utfall); one without gets MISSING_OUTCOME and counts for nothing else */
  requiresOutcome: boolean;
  /** null: every pathway type */
  pathwayTypes: readonly PathwayType[] | null;
  /** "decision": the decision outcomes (OID 9323); a list for H, S, U, X; null without outcome */
  outcomes: "decision" | OutcomeList | null;
}

const ev = (label: string, extra: Partial<EventDefinition> = {}): EventDefinition => ({
  label,
  confirmed: true,
  requiresOutcome: false,
  pathwayTypes: null,
  outcomes: null,
  ...extra,
});

/** Any 1–3 letters or digits: the accepted form of an outcome without an official list. */
const FREE_OUTCOME_PATTERN = /^[A-Z0-9]{1,3}$/;

/**
 * Utført aktivitet (U): its outcome is the activity. Seed 001 names what is
 * coded after sessions; the codes are local (unconfirmed). `indicator` marks
 * the three whose share the reports show (involveringsindikatorene).
 */
export const ACTIVITY_VALUES = [
  { code: "BP", label: "Behandlingsplan utarbeidet sammen med pasienten", indicator: "treatment_plan" },
  { code: "IB", label: "Informert om behandlingsalternativer", indicator: "informed_of_options" },
  { code: "TV", label: "Tilbakemeldingsverktøy brukt", indicator: "feedback_tool" },
  { code: "PE", label: "Psykoedukasjon", indicator: null },
  { code: "SV", label: "Vurdering av selvmordsrisiko", indicator: null },
  { code: "KI", label: "Strukturert kartleggingsinstrument brukt", indicator: null },
] as const;

export type InvolvementIndicator = "treatment_plan" | "informed_of_options" | "feedback_tool";

const unconfirmedOutcomes = (suggestions?: OutcomeList["suggestions"]): OutcomeList => ({ confirmed: false, values: null, suggestions });

export const EVENT_DEFINITIONS = {
  A: ev("Pakkeforløp start", { confirmed: false }),
  M: ev("Første frammøte"),
  C: ev("Klinisk beslutning", { requiresOutcome: true, outcomes: "decision" }),
  E: ev("Evalueringspunkt"),
  F: ev("Tilbakemelding til henviser og fastlege sendt"),
  L: ev("Pasientutsatt"),
  X: ev("Avslutning av pakkeforløp", { confirmed: false, requiresOutcome: true, outcomes: unconfirmedOutcomes() }),
  H: ev("Hjelpebehov ved avslutning", { confirmed: false, requiresOutcome: true, outcomes: unconfirmedOutcomes() }),
  S: ev("Samarbeidsmøte med relevante instanser", { confirmed: false, requiresOutcome: true, outcomes: unconfirmedOutcomes() }),
  U: ev("Utført aktivitet", { confirmed: false, requiresOutcome: true, outcomes: unconfirmedOutcomes(ACTIVITY_VALUES) }),
  R: ev("Avrusning avsluttet", { confirmed: false, pathwayTypes: ["D01", "D09"] }),
  P: ev("Start på symptomer på psykose", { confirmed: false, pathwayTypes: ["D06"] }),
  O: ev("OCD-behandling avsluttet", { confirmed: false, pathwayTypes: ["D07"] }),
} satisfies Record<string, EventDefinition>;

export type EventLetter = keyof typeof EVENT_DEFINITIONS;

export interface OutcomeDefinition {
  label: string;
  /** null: every pathway type */
  pathwayTypes: readonly PathwayType[] | null;
  /** a decision that ends the pathway at this unit */
  endsPathway: boolean;
}

export const DECISION_OUTCOMES = {
  U: { label: "Behov for utvidet utredning", pathwayTypes: null, endsPathway: false },
  N: { label: "Behov for utvidet utredning av ADHD og/eller andre nevroutviklingsforstyrrelser", pathwayTypes: ["D12"], endsPathway: false },
  P: { label: "Behov for behandling innen psykisk helsevern", pathwayTypes: null, endsPathway: false },
  T: { label: "Behov for behandling innen TSB", pathwayTypes: null, endsPathway: false },
  S: { label: "Behov for behandling fra annen spesialisthelsetjeneste", pathwayTypes: null, endsPathway: true },
  K: { label: "Behov for oppfølging fra fastlege eller kommunen", pathwayTypes: null, endsPathway: true },
  A: { label: "Behov for oppfølging fra andre instanser (NAV, PPT, skole, barnevern m.m.)", pathwayTypes: null, endsPathway: true },
  I: { label: "Ikke behov for videre behandling eller oppfølging", pathwayTypes: null, endsPathway: true },
} satisfies Record<string, OutcomeDefinition>;

export type DecisionOutcome = keyof typeof DECISION_OUTCOMES;

/**
 * Events of one clinical date are judged in this order (domain.md, decided
 * readings): a pasientutsatt before the decision or evaluation it concerns,
 * feedback after the decision, closing last. Then recorded time, then id.
 */
export const CLINICAL_ORDER: readonly EventLetter[] = ["A", "P", "M", "S", "U", "L", "C", "F", "E", "R", "O", "H", "X"];
const RANK = new Map<string, number>(CLINICAL_ORDER.map((letter, i) => [letter, i]));

/** The letter's place in a day's clinical order; unknown letters come last. */
export function clinicalRank(letter: string | null): number {
  const rank = letter === null ? undefined : RANK.get(letter);
  return rank === undefined ? CLINICAL_ORDER.length : rank;
}

export const EXTENDED_OUTCOMES: readonly string[] = ["U", "N"];
export const TREATMENT_OUTCOMES: readonly string[] = ["P", "T"];

function isLetter(value: string): value is EventLetter {
  return Object.prototype.hasOwnProperty.call(EVENT_DEFINITIONS, value);
}

/** Frozen: parse results are cached and shared between callers. */
export type ParsedCode =
  | Readonly<{ ok: true; type: PathwayType | null; letter: EventLetter; outcome: string | null }>
  | Readonly<{ ok: false; error: string }>;

/**
 * Parses both registration forms: a plain letter with a separate outcome
 * ("C" + "U"), or a concatenated procedure code ("D11CU", "D01L").
 */
export function parseCode(code: string, outcome?: string | null, pathwayType?: PathwayType | null, book: CodeBook = EVENT_DEFINITIONS): ParsedCode {
  const parsed = parseWithoutType(code, outcome, book);
  // The pathway type is checked last, so every other error takes precedence.
  if (parsed.ok && parsed.type && pathwayType && parsed.type !== pathwayType) {
    return { ok: false, error: `Koden gjelder pakkeforløp ${parsed.type}, men forløpet er ${pathwayType}.` };
  }
  return parsed;
}

// Millions of events share a few dozen distinct (code, outcome) pairs, so
// results are cached per pair; the bound keeps odd input from growing it.
const MAX_CACHED_PAIRS = 10_000;
interface CodeEntry {
  plain: ParsedCode | undefined;
  byOutcome: Map<string, ParsedCode> | undefined;
}
/** The event definitions a code is judged by: the built-in ones, or those of the rule tables in force on a date (rule-tables.ts). */
export type CodeBook = Readonly<Record<EventLetter, EventDefinition>>;

// one cache per code book (results differ when an outcome list differs)
interface BookCache {
  byCode: Map<string, CodeEntry>;
  pairs: number;
}
const parsedByBook = new WeakMap<CodeBook, BookCache>();

function parseWithoutType(code: string, outcome: string | null | undefined, book: CodeBook): ParsedCode {
  // Only plain strings are cached; anything else takes the general path.
  if (typeof code !== "string" || (outcome && typeof outcome !== "string")) return parseUncached(code, outcome, book);
  let cache = parsedByBook.get(book);
  if (cache === undefined) parsedByBook.set(book, (cache = { byCode: new Map(), pairs: 0 }));
  const parsedByCode = cache.byCode;
  let entry = parsedByCode.get(code);
  if (entry === undefined) {
    if (cache.pairs >= MAX_CACHED_PAIRS) return parseUncached(code, outcome, book);
    entry = { plain: undefined, byOutcome: undefined };
    parsedByCode.set(code, entry);
  }
  if (!outcome) return (entry.plain ??= remember(cache, parseUncached(code, null, book)));
  entry.byOutcome ??= new Map();
  let parsed = entry.byOutcome.get(outcome);
  if (parsed === undefined) {
    if (cache.pairs >= MAX_CACHED_PAIRS) return parseUncached(code, outcome, book);
    parsed = remember(cache, parseUncached(code, outcome, book));
    entry.byOutcome.set(outcome, parsed);
  }
  return parsed;
}

function remember(cache: BookCache, parsed: ParsedCode): ParsedCode {
  cache.pairs += 1;
  return Object.freeze(parsed);
}

function parseUncached(code: string, outcome: string | null | undefined, book: CodeBook): ParsedCode {
  const raw = String(code ?? "").trim().toUpperCase();
  let type: PathwayType | null = null;
  let rest = raw;
  const typeMatch = /^(D\d\d)(.*)$/.exec(raw);
  if (typeMatch) {
    if (!(PATHWAY_TYPES as readonly string[]).includes(typeMatch[1])) return { ok: false, error: `Ukjent pakkeforløp «${typeMatch[1]}».` };
    type = typeMatch[1] as PathwayType;
    rest = typeMatch[2];
  }
  if (rest.length === 0) return { ok: false, error: "Koden mangler hendelsesbokstav." };
  const letter = rest[0];
  if (!isLetter(letter)) return { ok: false, error: `Ukjent hendelseskode «${letter}».` };
  const embeddedOutcome = rest.slice(1) || null;
  const separate = outcome ? String(outcome).trim().toUpperCase() || null : null;
  if (embeddedOutcome && separate && embeddedOutcome !== separate) {
    return { ok: false, error: `Koden ${raw} har utfall ${embeddedOutcome}, men utfall ${separate} er også oppgitt.` };
  }
  const finalOutcome = embeddedOutcome ?? separate;
  const definition: EventDefinition = book[letter];
  if (finalOutcome !== null) {
    const problem = checkOutcome(letter, definition, finalOutcome);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, type, letter, outcome: finalOutcome };
}

/** Why `outcome` is not accepted for this event, or null. */
export function checkOutcome(letter: EventLetter, definition: EventDefinition, outcome: string): string | null {
  const list = definition.outcomes;
  if (list === null) return `${definition.label} (${letter}) har ikke utfall.`;
  if (list === "decision") {
    return Object.prototype.hasOwnProperty.call(DECISION_OUTCOMES, outcome) ? null : `Ukjent utfall «${outcome}» for klinisk beslutning.`;
  }
  if (list.values) return list.values.some((v) => v.code === outcome) ? null : `Ukjent utfall «${outcome}» for ${definition.label.toLowerCase()}.`;
  return FREE_OUTCOME_PATTERN.test(outcome) ? null : `Ugyldig utfall «${outcome}»: bruk 1–3 bokstaver eller sifre.`;
}

/**
 * The pathway type a concatenated code names by its prefix, whatever follows
 * it: `known` for D01–D12 types, `unknown` for a D-prefix that is no type,
 * null for a code without a prefix. An extract row whose letter or outcome is
 * wrong still belongs to its pathway type (the row gets INVALID_CODE).
 */
export function typePrefixOf(code: string): { known: PathwayType } | { unknown: string } | null {
  const match = /^(D\d\d)/.exec(String(code ?? "").trim().toUpperCase());
  if (!match) return null;
  return (PATHWAY_TYPES as readonly string[]).includes(match[1]) ? { known: match[1] as PathwayType } : { unknown: match[1] };
}

/** Why an (already parsed) event is not valid for this pathway type, or null. */
export function invalidForType(letter: EventLetter, outcome: string | null, type: PathwayType): string | null {
  const definition: EventDefinition = EVENT_DEFINITIONS[letter];
  if (definition.pathwayTypes && !definition.pathwayTypes.includes(type)) {
    return `${definition.label} (${letter}) brukes ikke i pakkeforløp ${type}.`;
  }
  if (letter === "C" && outcome) {
    const o: OutcomeDefinition = DECISION_OUTCOMES[outcome as DecisionOutcome];
    if (o?.pathwayTypes && !o.pathwayTypes.includes(type)) return `Utfall ${outcome} brukes ikke i pakkeforløp ${type}.`;
  }
  return null;
}
