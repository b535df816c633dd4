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

export interface EventDefinition {
  label: string;
  confirmed: boolean;
  requiresOutcome: boolean;
  requiresActivityCode: boolean;
  /** null: every pathway type */
  pathwayTypes: readonly PathwayType[] | null;
  /** allowed outcomes when requiresOutcome; null: the decision outcomes */
  outcomes: readonly string[] | null;
}

const ev = (label: string, extra: Partial<EventDefinition> = {}): EventDefinition => ({
  label,
  confirmed: true,
  requiresOutcome: false,
  requiresActivityCode: false,
  pathwayTypes: null,
  outcomes: null,
  ...extra,
});

export const EVENT_DEFINITIONS = {
  A: ev("Pakkeforløp start", { confirmed: false }),
  M: ev("Første fremmøte"),
  C: ev("Klinisk beslutning", { requiresOutcome: true }),
  E: ev("Evalueringspunkt"),
  F: ev("Tilbakemelding til henviser og fastlege sendt"),
  L: ev("Pasientutsatt"),
  X: ev("Avslutning av pakkeforløp", { confirmed: false }),
  H: ev("Hjelpebehov ved avslutning", { confirmed: false, requiresOutcome: true }),
  S: ev("Samarbeidsmøte med relevante instanser", { confirmed: false }),
  U: ev("Utført aktivitet", { confirmed: false, requiresActivityCode: true }),
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
export function parseCode(code: string, outcome?: string | null, pathwayType?: PathwayType | null): ParsedCode {
  const parsed = parseWithoutType(code, outcome);
  // The pathway type is checked last, so every other error takes precedence.
  if (parsed.ok && parsed.type && pathwayType && parsed.type !== pathwayType) {
    return { ok: false, error: `Koden gjelder pakkeforløp ${parsed.type}, men forløpet er ${pathwayType}.` };
  }
  return parsed;
}

// Millions of events share a few dozen distinct (code, outcome) pairs, so
// results are cached per pair; the bound keeps odd input from growing it.
const MAX_CACHED_PAIRS = 10_000;
let cachedPairs = 0;
interface CodeEntry {
  plain: ParsedCode | undefined;
  byOutcome: Map<string, ParsedCode> | undefined;
}
const parsedByCode = new Map<string, CodeEntry>();

function parseWithoutType(code: string, outcome: string | null | undefined): ParsedCode {
  // Only plain strings are cached; anything else takes the general path.
  if (typeof code !== "string" || (outcome && typeof outcome !== "string")) return parseUncached(code, outcome);
  let entry = parsedByCode.get(code);
  if (entry === undefined) {
    if (cachedPairs >= MAX_CACHED_PAIRS) return parseUncached(code, outcome);
    entry = { plain: undefined, byOutcome: undefined };
    parsedByCode.set(code, entry);
  }
  if (!outcome) return (entry.plain ??= remember(parseUncached(code, null)));
  entry.byOutcome ??= new Map();
  let parsed = entry.byOutcome.get(outcome);
  if (parsed === undefined) {
    if (cachedPairs >= MAX_CACHED_PAIRS) return parseUncached(code, outcome);
    parsed = remember(parseUncached(code, outcome));
    entry.byOutcome.set(outcome, parsed);
  }
  return parsed;
}

function remember(parsed: ParsedCode): ParsedCode {
  cachedPairs += 1;
  return Object.freeze(parsed);
}

function parseUncached(code: string, outcome: string | null | undefined): ParsedCode {
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
  const definition: EventDefinition = EVENT_DEFINITIONS[letter];
  if (finalOutcome !== null) {
    if (!definition.requiresOutcome) return { ok: false, error: `${definition.label} (${letter}) har ikke utfall.` };
    if (letter === "C" && !Object.prototype.hasOwnProperty.call(DECISION_OUTCOMES, finalOutcome)) {
      return { ok: false, error: `Ukjent utfall «${finalOutcome}» for klinisk beslutning.` };
    }
    if (!/^[A-Z0-9]{1,2}$/.test(finalOutcome)) return { ok: false, error: `Ugyldig utfall «${finalOutcome}».` };
  }
  return { ok: true, type, letter, outcome: finalOutcome };
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
