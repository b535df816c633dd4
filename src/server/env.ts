import { z } from "../lib/zod";
import { isIsoDate } from "../lib/dates";
import { CLIENT_IP_FROM_SERVER_ENV, parseTrustedProxyHops } from "../lib/client-address.mjs";

// Every environment variable the product reads, validated in one place: a bad
// value stops the server at start (instrumentation.ts calls checkEnv) with an
// error naming the variable, instead of being ignored or turning into NaN
// deep inside a request. The README's settings table lists exactly SETTINGS
// (a test compares them). Values are read when asked for, not once: tests and
// scripts change process.env as they go; a parsed value is kept per raw value.
//
// No "server-only" and relative imports only: scripts (tsx), unit tests and
// prisma.config.ts (through db-timeouts.ts, loaded by the Prisma CLI without
// our path aliases) import this file too; it holds no secret of its own.
//
// Read elsewhere, by code that runs before the app and cannot import
// TypeScript (plain node), each checked there with its own message:
//   scripts/serve.mjs     PORT, HOSTNAME_BIND, WEB_CONCURRENCY, TRUST_PROXY_HOPS (and NODE_OPTIONS, node's own)
//   scripts/start.mjs     PORT, FORLOPSVAKT_DATA_DIR, EMBEDDED_DB_PORT, DATABASE_URL, MIGRATION_DATABASE_URL,
//                         DATABASE_APP_ROLE, AUTH_SECRET, ALLOW_SYNTHETIC_IDS
//   scripts/test.mjs      DATABASE_URL, EMBEDDED_DB_PORT, DATABASE_APP_ROLE, DATABASE_APP_PASSWORD
//   scripts/db-roles.mjs  DATABASE_URL, MIGRATION_DATABASE_URL
//   prisma.config.ts      MIGRATION_DATABASE_URL, DATABASE_URL (loaded by the Prisma CLI, without our path aliases)
// Test and benchmark tooling reads its own knobs, which are not settings of
// the product: E2E_PORT, LOAD_PORT, CHROMIUM_PATH, FORLOPSVAKT_TEST_SINGLE_DB
// (playwright.config.ts, scripts/load-test.ts, tests/), and DATABASE_URL,
// AUTH_SECRET as given to them; scripts/embedded-db.ts reads EMBEDDED_DB_DIR
// and EMBEDDED_DB_PORT, set for it by scripts/lib/common.mjs.
// NODE_ENV and NEXT_RUNTIME are Next.js's and node's own and stay literal
// `process.env.NODE_ENV` reads: Next replaces those at build time.

type Raw = string | undefined;

const blank = (raw: Raw) => raw === undefined || raw.trim() === "";

/** A number from `raw`, `fallback` when unset or empty. */
function number<F extends number | undefined>(fallback: F, rule: { integer?: boolean; min: number; max?: number; unit?: string }) {
  const what = `${rule.integer ? "et heltall" : "et tall"}${rule.unit ? ` (${rule.unit})` : ""} fra og med ${rule.min}${rule.max === undefined ? "" : ` til og med ${rule.max}`}`;
  return z.string().optional().transform((raw, ctx): number | F => {
    if (blank(raw)) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || (rule.integer && !Number.isInteger(n)) || n < rule.min || (rule.max !== undefined && n > rule.max)) {
      ctx.addIssue({ code: "custom", message: `må være ${what}` });
      return z.NEVER;
    }
    return n;
  });
}
const positive = (fallback: number, unit: string) => number(fallback, { min: Number.MIN_VALUE, unit });
const whole = <F extends number | undefined>(fallback: F, min: number, unit?: string) => number(fallback, { integer: true, min, unit });

const ON = new Set(["1", "on", "true", "yes"]);
const OFF = new Set(["0", "off", "false", "no"]);
/** On/off: 1/on/true/yes or 0/off/false/no; `fallback` when unset. */
function flag<F extends boolean | undefined>(fallback: F) {
  return z.string().optional().transform((raw, ctx): boolean | F => {
    if (blank(raw)) return fallback;
    const value = raw!.trim().toLowerCase();
    if (ON.has(value)) return true;
    if (OFF.has(value)) return false;
    ctx.addIssue({ code: "custom", message: "må være on eller off (1/0)" });
    return z.NEVER;
  });
}

function text() {
  return z.string().optional().transform((raw) => (blank(raw) ? undefined : raw!.trim()));
}

/** One of `values` (as written), undefined when unset. */
function choice<const T extends string>(values: readonly T[]) {
  return text().transform((raw, ctx): T | undefined => {
    if (raw === undefined || (values as readonly string[]).includes(raw)) return raw as T | undefined;
    ctx.addIssue({ code: "custom", message: `må være ${values.join(" eller ")}` });
    return z.NEVER;
  });
}

function postgresUrl() {
  return text().refine((raw) => raw === undefined || /^postgres(ql)?:\/\/\S+$/.test(raw), "må være en PostgreSQL-adresse (postgresql://…)");
}

/** Operator settings: the README's settings table. */
export const SETTINGS = {
  DATABASE_URL: postgresUrl(),
  MIGRATION_DATABASE_URL: postgresUrl(),
  DATABASE_APP_ROLE: text(),
  DATABASE_APP_PASSWORD: text(),
  DATABASE_PREPARED_STATEMENTS: flag(true),
  // at least 3: the nightly recompute holds two (its pages in flight) and requests need one
  DATABASE_POOL_SIZE: whole(10, 3, "forbindelser"),
  DATABASE_STATEMENT_TIMEOUT_MS: whole(10_000, 1, "millisekunder"),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: whole(30_000, 1, "millisekunder"),
  DATABASE_JOB_STATEMENT_TIMEOUT_MS: whole(600_000, 1, "millisekunder"),
  PORT: number(3000, { integer: true, min: 1, max: 65_535 }),
  HOSTNAME_BIND: text(),
  WEB_CONCURRENCY: whole(undefined, 1, "prosesser"),
  TRUST_PROXY_HOPS: z.string().optional().transform((raw, ctx) => {
    const hops = parseTrustedProxyHops(raw);
    if (hops === null) {
      ctx.addIssue({ code: "custom", message: "må være antall egne proxyer foran appen (0 uten proxy)" });
      return z.NEVER;
    }
    return hops;
  }),
  FORLOPSVAKT_DATA_DIR: text(),
  EMBEDDED_DB_PORT: number(undefined, { integer: true, min: 1, max: 65_535 }),
  AUTH_SECRET: text(),
  NEXTAUTH_SECRET: text(),
  AUTH_IDLE_TIMEOUT_MINUTES: positive(30, "minutter"),
  AUTH_MAX_SESSION_HOURS: positive(12, "timer"),
  AUTH_RATE_LIMIT_WINDOW_MINUTES: positive(15, "minutter"),
  AUTH_RATE_LIMIT_PER_EMAIL_AND_IP: whole(10, 1, "forsøk"),
  AUTH_RATE_LIMIT_PER_IP: whole(30, 1, "forsøk"),
  AUTH_RATE_LIMIT_PER_EMAIL: whole(5, 1, "forsøk"),
  AUTH_RATE_LIMIT_DELAY_SECONDS: positive(2, "sekunder"),
  AUTH_RATE_LIMIT_MAX_DELAY_SECONDS: positive(120, "sekunder"),
  API_CLIENT_RATE_LIMIT_PER_MINUTE: whole(600, 1, "kall"),
  AUTH_OIDC_ISSUER: text().refine((raw) => raw === undefined || /^https?:\/\/\S+$/.test(raw), "må være en https-adresse"),
  AUTH_OIDC_CLIENT_ID: text(),
  AUTH_OIDC_CLIENT_SECRET: text(),
  AUTH_OIDC_NAME: text(),
  // HelseID and the e-mail decision of issue 18: how they combine is checked by
  // src/server/auth/sso-settings.ts (also at server start)
  AUTH_OIDC_PROFILE: choice(["email", "helseid"]),
  AUTH_OIDC_CLIENT_AUTH: choice(["client_secret_basic", "private_key_jwt"]),
  AUTH_OIDC_PRIVATE_KEY: text(),
  AUTH_OIDC_PAR: flag(undefined),
  AUTH_OIDC_DPOP: flag(undefined),
  AUTH_OIDC_SCOPES: text().refine((raw) => raw === undefined || /^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(raw), "må være scopes skilt med mellomrom"),
  AUTH_OIDC_MIN_SECURITY_LEVEL: whole(undefined, 1, "nivå").refine((n) => n === undefined || n <= 4, "må være et nivå fra 1 til 4"),
  AUTH_OIDC_TRUST_UNVERIFIED_EMAIL: flag(false),
  ALLOW_SYNTHETIC_IDS: flag(false),
  ALLOW_DEMO_SEED: flag(false),
  FORLOPSVAKT_TODAY: text().refine((raw) => raw === undefined || isIsoDate(raw), "må være en dato (ÅÅÅÅ-MM-DD)"),
  FORLOPSVAKT_ALLOW_PINNED_TODAY: flag(false),
  FORLOPSVAKT_NIGHTLY: flag(true),
  // the daily e-mail digest (issue 20): off without SMTP_URL
  SMTP_URL: text().refine((raw) => raw === undefined || /^smtps?:\/\/\S+$/.test(raw), "må være en SMTP-adresse (smtp:// eller smtps://)"),
  SMTP_FROM: text(),
  FORLOPSVAKT_PUBLIC_URL: text().refine((raw) => raw === undefined || /^https?:\/\/\S+$/.test(raw), "må være en http(s)-adresse"),
};

/** Set by our own scripts for the app, never by an operator (not in the README). */
const INTERNAL = {
  /** scripts/serve.mjs in its workers: the client address header is ours */
  [CLIENT_IP_FROM_SERVER_ENV]: flag(false),
} as const;

const ALL = { ...SETTINGS, ...INTERNAL };
type Name = keyof typeof ALL;
export type Setting<N extends Name> = z.output<(typeof ALL)[N]>;

export class EnvError extends Error {
  constructor(readonly problems: { name: string; message: string }[]) {
    super(
      `Ugyldige innstillinger i miljøet (environment): ${problems.map((p) => `${p.name} ${p.message}`).join("; ")}. Rett eller fjern ${problems.length === 1 ? "variabelen" : "variablene"} og start på nytt.`,
    );
    this.name = "EnvError";
  }
}

// never repeated in an error (a log line): they are or may hold passwords
const SECRET = new Set<string>(["DATABASE_URL", "MIGRATION_DATABASE_URL", "DATABASE_APP_PASSWORD", "AUTH_SECRET", "NEXTAUTH_SECRET", "AUTH_OIDC_CLIENT_SECRET", "AUTH_OIDC_PRIVATE_KEY", "SMTP_URL"]);

function parse<N extends Name>(name: N, raw: Raw): { value: Setting<N> } | { message: string } {
  const result = ALL[name].safeParse(raw);
  if (result.success) return { value: result.data as Setting<N> };
  const message = result.error.issues[0]?.message ?? "er ugyldig";
  return { message: SECRET.has(name) ? message : `${message} (nå «${raw}»)` };
}

const cache = new Map<Name, { raw: Raw; value: unknown }>();

/** The validated value of one setting (its default when unset); throws an EnvError naming it when its value is bad. */
export function env<N extends Name>(name: N, source: Record<string, Raw> = process.env): Setting<N> {
  const raw = source[name];
  const hit = cache.get(name);
  if (hit && hit.raw === raw && source === process.env) return hit.value as Setting<N>;
  const parsed = parse(name, raw);
  if ("message" in parsed) throw new EnvError([{ name, message: parsed.message }]);
  if (source === process.env) cache.set(name, { raw, value: parsed.value });
  return parsed.value;
}

/** Checks every setting at once (at server start); throws one EnvError naming every bad one. */
export function checkEnv(source: Record<string, Raw> = process.env): void {
  const problems = (Object.keys(ALL) as Name[]).flatMap((name) => {
    const parsed = parse(name, source[name]);
    return "message" in parsed ? [{ name, message: parsed.message }] : [];
  });
  if (problems.length) throw new EnvError(problems);
}
