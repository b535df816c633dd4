import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { idnr as navValidate } from "@navikt/fnrvalidator";
import { validateNorwegianIdNumber } from "norwegian-national-id-validator";
import { checkDigitsFor, fullYear, parseNationalId } from "@/domain/national-id";
import { between, mulberry32 } from "@/server/seed/random";

// Our validator against two public ones on 300 000 numbers from a fixed seed:
// valid fødselsnummer, D-, H- and synthetic numbers, off-by-one check digits,
// impossible dates, unissued individnummer, future birth dates, FH-numbers and
// random digits. Every disagreement must be one of the deliberate differences
// below, in its stated direction, and each of those must actually occur.
//
// - norwegian-national-id-validator (nnv): reads the real clock (pinned here).
// - @navikt/fnrvalidator (nav): no clock, accepts more (see NAV_DIFFERENCES).

const TODAY = "2026-11-22";
const COUNT = 300_000;

/** Deliberate differences: the number, and whether we accept it where the other refuses (true) or the reverse (false). */
type Difference = { why: string; weAccept: boolean };

const NNV_DIFFERENCES = {
  // FH-nummer (felles hjelpenummer, first digit 8 or 9) carries no birth date;
  // the register derives the birth date from the id, so it is not accepted here.
  fh: { why: "FH-nummer (first digit 8–9) is not accepted", weAccept: false },
  // nnv puts every D-nummer with individnummer ≥ 500 in the 2000s; we read the
  // century from the individnummer as for a fødselsnummer (Folkeregisteret's rule).
  dCentury: { why: "D-nummer born before 2000 with individnummer ≥ 500", weAccept: true },
} satisfies Record<string, Difference>;

const NAV_DIFFERENCES = {
  // From 2032 K1 may take four values (Skatteetaten, "nytt fødselsnummer fra 2032");
  // no such number is issued before then, and the classic K1 catches more typing errors.
  k1of2032: { why: "K1 by the 2032 rule (remainder 1–3)", weAccept: false },
  future: { why: "birth date after today", weAccept: false },
  // nav checks the date as 19YY (2000 for 00) and never the individnummer range.
  century: { why: "individnummer and year never issued together, or 29.02.1900", weAccept: false },
  // a hospital gives an H-nummer only to a patient without a D-nummer
  dAndH: { why: "D-nummer with month + 40", weAccept: false },
} satisfies Record<string, Difference>;

const rng = mulberry32(20261130);
const int = (lo: number, hi: number) => between(rng, lo, hi);
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Folkeregisteret's individnummer ranges for a birth year. */
function individualFor(year: number): number {
  if (year < 1900) return int(500, 749);
  if (year < 2000) return year >= 1940 && rng() < 0.2 ? int(900, 999) : int(0, 499);
  return int(500, 999);
}

function isLeap(y: number) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function realDate(y: number, m: number, d: number) {
  return m >= 1 && m <= 12 && d >= 1 && d <= [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

type Offsets = { day: number; month: number };
const KINDS: Offsets[] = [{ day: 0, month: 0 }, { day: 0, month: 0 }, { day: 40, month: 0 }, { day: 0, month: 40 }, { day: 0, month: 80 }, { day: 40, month: 80 }];

/** Nine digits, then the classic check digits (or, when none exist, the next individnummer). */
function withClassicCheck(day: number, month: number, yy: number, individual: number): string {
  for (let i = 0; i < 1000; i++) {
    const nine = `${pad(day)}${pad(month)}${pad(yy)}${pad((individual + i) % 1000, 3)}`;
    const check = checkDigitsFor(nine);
    if (check) return nine + check;
  }
  throw new Error("no check digits");
}

function k2For(ten: string): number | null {
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const k = 11 - ([...ten].reduce((s, c, i) => s + Number(c) * w[i], 0) % 11);
  return k === 11 ? 0 : k === 10 ? null : k;
}

/** The same number with K1 by the 2032 rule (remainder 1–3) and a fitting K2, when one exists. */
function with2032Check(nine: string): string | null {
  const w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const sum = [...nine].reduce((s, c, i) => s + Number(c) * w[i], 0);
  const rest = int(1, 3);
  let k1 = 11 + rest - (sum % 11);
  if (k1 > 10) k1 -= 11;
  if (k1 === 10) return null;
  const k2 = k2For(nine + k1);
  return k2 === null ? null : `${nine}${k1}${k2}`;
}

function randomBirth(): [number, number, number] {
  const year = int(1855, 2039);
  const month = int(1, 12);
  return [year, month, int(1, realDate(year, month, 31) ? 31 : realDate(year, month, 30) ? 30 : isLeap(year) && month === 2 ? 29 : 28)];
}

function generate(): string {
  const pick = rng();
  const kind = KINDS[int(0, KINDS.length - 1)];
  const [year, month, day] = randomBirth();
  const valid = () => withClassicCheck(day + kind.day, month + kind.month, year % 100, individualFor(year));
  if (pick < 0.3) return valid();
  if (pick < 0.5) {
    // one check digit off by one
    const id = valid();
    const at = int(9, 10);
    const digit = (Number(id[at]) + (rng() < 0.5 ? 1 : 9)) % 10;
    return id.slice(0, at) + digit + id.slice(at + 1);
  }
  if (pick < 0.6) return with2032Check(valid().slice(0, 9)) ?? valid();
  if (pick < 0.75) {
    // impossible dates: day 0 or 30–32 of February, month 0 or 13, 29.02 of any year
    const [d, m] = [[0, month], [int(30, 32), 2], [day, rng() < 0.5 ? 0 : 13], [29, 2]][int(0, 3)];
    return withClassicCheck(d + kind.day, m + kind.month, year % 100, individualFor(year));
  }
  if (pick < 0.85) return withClassicCheck(day + kind.day, month + kind.month, year % 100, int(0, 999)); // any individnummer
  if (pick < 0.9) return withClassicCheck(day + 40, month + 40, year % 100, individualFor(year)); // D and H at once
  if (pick < 0.95) return withClassicCheck(int(80, 99), int(0, 99), int(0, 99), int(0, 999)); // FH-nummer
  return Array.from({ length: 11 }, () => int(0, 9)).join("");
}

/** What the digits say, decoded independently of the validator under test. */
function decode(id: string) {
  const n = (from: number) => Number(id.slice(from, from + 2));
  const rawDay = n(0);
  const rawMonth = n(2);
  const yy = n(4);
  const individual = Number(id.slice(6, 9));
  const classicOk = checkDigitsFor(id.slice(0, 9)) === id.slice(9);
  const dNumber = rawDay > 40 && rawDay <= 71;
  const month = rawMonth > 80 ? rawMonth - 80 : rawMonth > 40 ? rawMonth - 40 : rawMonth;
  const day = dNumber ? rawDay - 40 : rawDay;
  const year = fullYear(yy, individual);
  const birth = year !== null && realDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
  return { rawDay, rawMonth, yy, individual, classicOk, dNumber, year, birth };
}

function nnvDifference(id: string): keyof typeof NNV_DIFFERENCES | null {
  const d = decode(id);
  if (Number(id[0]) >= 8) return "fh";
  if (d.dNumber && d.individual >= 500 && d.year !== null && d.year < 2000) return "dCentury";
  return null;
}

function navDifference(id: string): keyof typeof NAV_DIFFERENCES | null {
  const d = decode(id);
  if (!d.classicOk) return "k1of2032";
  if (d.dNumber && d.rawMonth > 40 && d.rawMonth <= 80) return "dAndH";
  if (d.year === null || (d.rawDay % 40 === 29 && d.rawMonth % 40 === 2 && d.yy === 0 && d.individual <= 499)) return "century";
  if (d.birth !== null && d.birth > TODAY) return "future";
  return null;
}

describe("national id validation against two public validators", () => {
  beforeAll(() => {
    // nnv reads the clock: pin it to our "today" (noon UTC is that date in every time zone we test)
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(`${TODAY}T12:00:00Z`) });
  });
  afterAll(() => vi.useRealTimers());

  it(`agrees on ${COUNT} numbers except where we differ on purpose`, () => {
    const seen = { nnv: {} as Record<string, number>, nav: {} as Record<string, number> };
    const unexplained: string[] = [];
    let accepted = 0;
    for (let i = 0; i < COUNT; i++) {
      const id = generate();
      // one call for both settings: without synthetic ids allowed, exactly the synthetic ones are refused (tested in national-id.test.ts)
      const result = parseNationalId(id, { today: TODAY, allowSynthetic: true });
      const withSynthetic = result.ok;
      const plain = result.ok && !result.synthetic;
      if (i % 100 === 0 && parseNationalId(id, { today: TODAY }).ok !== plain) unexplained.push(`ours ${id}: synthetic setting`);
      if (withSynthetic) accepted += 1;
      const nnv = validateNorwegianIdNumber(id);
      if (nnv !== plain) {
        const why = nnvDifference(id);
        if (why === null || NNV_DIFFERENCES[why].weAccept !== plain) unexplained.push(`nnv ${id}: ours ${plain}, theirs ${nnv}`);
        else seen.nnv[why] = (seen.nnv[why] ?? 0) + 1;
      }
      // nav always accepts synthetic (Tenor) ids: compare with them allowed, as outside production
      const nav = navValidate(id).status === "valid";
      if (nav !== withSynthetic) {
        const why = navDifference(id);
        if (why === null || NAV_DIFFERENCES[why].weAccept !== withSynthetic) unexplained.push(`nav ${id}: ours ${withSynthetic}, theirs ${nav}`);
        else seen.nav[why] = (seen.nav[why] ?? 0) + 1;
      }
    }
    expect(unexplained.slice(0, 20)).toEqual([]);
    // every deliberate difference occurs (so each is tested), and the sample is not trivial
    expect(Object.keys(seen.nnv).sort()).toEqual(Object.keys(NNV_DIFFERENCES).sort());
    expect(Object.keys(seen.nav).sort()).toEqual(Object.keys(NAV_DIFFERENCES).sort());
    expect(accepted).toBeGreaterThan(COUNT * 0.2);
    expect(accepted).toBeLessThan(COUNT * 0.6);
  }, 60_000);

  it("each deliberate difference, on one number", () => {
    const fnr = (day: number, month: number, yy: number, individual: number) => withClassicCheck(day, month, yy, individual);
    const ours = (id: string, allowSynthetic = false) => parseNationalId(id, { today: TODAY, allowSynthetic }).ok;
    // FH-nummer: nnv accepts, we do not
    const fh = fnr(85, 12, 34, 567);
    expect([ours(fh), validateNorwegianIdNumber(fh)]).toEqual([false, true]);
    // D-nummer born 1950 (individnummer 950): we accept, nnv reads 2050
    const d1950 = fnr(55, 6, 50, 950);
    expect(parseNationalId(d1950, { today: TODAY })).toMatchObject({ ok: true, kind: "d-nummer", birthDate: "1950-06-15" });
    expect(validateNorwegianIdNumber(d1950)).toBe(false);
    // born tomorrow: nav accepts, we and nnv do not
    const tomorrow = fnr(23, 11, 26, 500);
    expect([ours(tomorrow), navValidate(tomorrow).status, validateNorwegianIdNumber(tomorrow)]).toEqual([false, "valid", false]);
    // individnummer 800 with year 60: never issued; nav accepts
    const unissued = fnr(15, 6, 60, 800);
    expect([ours(unissued), navValidate(unissued).status]).toEqual([false, "valid"]);
    // H-nummer: all three accept it
    const h = fnr(17, 43, 85, 123);
    expect([parseNationalId(h, { today: TODAY }), navValidate(h), validateNorwegianIdNumber(h)]).toEqual([
      expect.objectContaining({ ok: true, kind: "h-nummer", birthDate: "1985-03-17" }), { status: "valid", type: "hnr" }, true,
    ]);
  });
});
