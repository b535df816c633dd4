import { describe, expect, it } from "vitest";
import { NATIONAL_ID_KIND_LABELS, checkDigitsFor, nationalIdKindOf, makeNationalId, maskNationalId, parseNationalId } from "@/domain/national-id";

const TODAY = "2026-11-22";

/** An id with valid check digits for any first six digits (dates need not exist). */
function withCheckDigits(dateDigits: string, individualFrom: number): string {
  for (let i = individualFrom; i < individualFrom + 100; i++) {
    const nine = dateDigits + String(i).padStart(3, "0");
    const check = checkDigitsFor(nine);
    if (check) return nine + check;
  }
  throw new Error("no check digits found");
}


describe("fødselsnummer and D-nummer validation", () => {
  it("accepts a valid fødselsnummer and derives the birth date", () => {
    const id = makeNationalId("1985-03-17", 42);
    const result = parseNationalId(id, { today: TODAY });
    expect(result).toMatchObject({ ok: true, kind: "fodselsnummer", birthDate: "1985-03-17", synthetic: false });
  });

  it("accepts spaces in the input and stores the digits only", () => {
    const id = makeNationalId("1990-12-01", 7);
    const spaced = `${id.slice(0, 6)} ${id.slice(6)}`;
    expect(parseNationalId(spaced, { today: TODAY })).toMatchObject({ ok: true, value: id });
  });

  it("accepts a D-nummer (day + 40)", () => {
    const id = makeNationalId("1979-06-30", 100, { dNumber: true });
    expect(Number(id.slice(0, 2))).toBe(70);
    expect(parseNationalId(id, { today: TODAY })).toMatchObject({ ok: true, kind: "d-nummer", birthDate: "1979-06-30" });
  });

  it("rejects a wrong first check digit (K1) with a Norwegian message", () => {
    const id = makeNationalId("1985-03-17", 42);
    const wrong = id.slice(0, 9) + String((Number(id[9]) + 1) % 10) + id[10];
    const result = parseNationalId(wrong, { today: TODAY });
    expect(result).toEqual({ ok: false, error: "checksum", message: "Fødselsnummeret er ugyldig: kontrollsifrene stemmer ikke." });
  });

  it("rejects a wrong second check digit (K2)", () => {
    const id = makeNationalId("1985-03-17", 42);
    const wrong = id.slice(0, 10) + String((Number(id[10]) + 1) % 10);
    expect(parseNationalId(wrong, { today: TODAY })).toMatchObject({ ok: false, error: "checksum" });
  });

  it("rejects every single-digit change of a valid id", () => {
    const id = makeNationalId("2001-02-28", 512);
    for (let position = 0; position < 11; position++) {
      for (let delta = 1; delta <= 9; delta++) {
        const digit = (Number(id[position]) + delta) % 10;
        const changed = id.slice(0, position) + digit + id.slice(position + 1);
        expect(parseNationalId(changed, { allowSynthetic: true, today: TODAY }).ok, changed).toBe(false);
      }
    }
  });

  it("rejects wrong length, letters and empty input", () => {
    expect(parseNationalId("", { today: TODAY })).toMatchObject({ ok: false, error: "empty", message: "Fødselsnummer mangler." });
    expect(parseNationalId("1234567890", { today: TODAY })).toMatchObject({ ok: false, error: "format" });
    expect(parseNationalId("123456789012", { today: TODAY })).toMatchObject({ ok: false, error: "format" });
    expect(parseNationalId("1703850446a", { today: TODAY })).toMatchObject({ ok: false, error: "format" });
  });

  it("rejects impossible birth dates even with valid check digits", () => {
    expect(parseNationalId(withCheckDigits("300285", 40), { today: TODAY })).toMatchObject({ ok: false, error: "date" });
    expect(parseNationalId(withCheckDigits("011385", 40), { today: TODAY })).toMatchObject({ ok: false, error: "date" });
  });

  it("accepts 29 February only in leap years", () => {
    expect(parseNationalId(withCheckDigits("290200", 600), { today: TODAY }).ok).toBe(true); // 2000 is a leap year
    expect(parseNationalId(withCheckDigits("290201", 600), { today: TODAY })).toMatchObject({ ok: false, error: "date" });
  });

  it("accepts synthetic test ids (month + 80) only when allowed", () => {
    const id = makeNationalId("1985-03-17", 42, { synthetic: true });
    expect(parseNationalId(id, { today: TODAY })).toMatchObject({ ok: false, error: "date" });
    expect(parseNationalId(id, { allowSynthetic: true, today: TODAY })).toMatchObject({ ok: true, synthetic: true, birthDate: "1985-03-17" });
  });

  it("accepts an H-nummer (month + 40) and labels it as such", () => {
    const id = makeNationalId("1985-03-17", 42, { hNumber: true });
    expect(id.slice(2, 4)).toBe("43");
    expect(parseNationalId(id, { today: TODAY })).toMatchObject({ ok: true, kind: "h-nummer", synthetic: false, birthDate: "1985-03-17" });
    expect(NATIONAL_ID_KIND_LABELS["h-nummer"]).toBe("H-nummer (hjelpenummer)");
  });

  it("refuses a D-nummer with month + 40: a hospital gives an H-nummer only to one who has none", () => {
    const id = withCheckDigits("574385", 40); // day 17 + 40, month 3 + 40
    expect(parseNationalId(id, { today: TODAY })).toMatchObject({ ok: false, error: "date" });
  });

  it("labels an allowed synthetic id as syntetisk, whatever it is built on", () => {
    expect(parseNationalId(makeNationalId("1985-03-17", 42, { synthetic: true }), { allowSynthetic: true, today: TODAY })).toMatchObject({ ok: true, kind: "syntetisk" });
    expect(parseNationalId(makeNationalId("1985-03-17", 42, { synthetic: true, dNumber: true }), { allowSynthetic: true, today: TODAY })).toMatchObject({ ok: true, kind: "syntetisk" });
  });

  it("accepts a birth date of today and refuses one after it, for every kind", () => {
    for (const opts of [{}, { dNumber: true }, { hNumber: true }, { synthetic: true }]) {
      expect(parseNationalId(makeNationalId(TODAY, 600, opts), { allowSynthetic: true, today: TODAY }).ok, JSON.stringify(opts)).toBe(true);
      const tomorrow = parseNationalId(makeNationalId("2026-11-23", 600, opts), { allowSynthetic: true, today: TODAY });
      expect(tomorrow, JSON.stringify(opts)).toEqual({ ok: false, error: "future", message: "Fødselsnummeret er ugyldig: fødselsdatoen er etter dagens dato." });
    }
    // the same number is valid from its birthday on
    expect(parseNationalId(makeNationalId("2026-11-23", 600), { today: "2026-11-23" }).ok).toBe(true);
  });

  it("reads the kind of a stored id from its digits, for labels", () => {
    expect(nationalIdKindOf(makeNationalId("1985-03-17", 42))).toBe("fodselsnummer");
    expect(nationalIdKindOf(makeNationalId("1985-03-17", 42, { dNumber: true }))).toBe("d-nummer");
    expect(nationalIdKindOf(makeNationalId("1985-03-17", 42, { hNumber: true }))).toBe("h-nummer");
    expect(nationalIdKindOf(makeNationalId("1985-03-17", 42, { synthetic: true, dNumber: true }))).toBe("syntetisk");
  });

  it("masks ids in lists, keeping only the day, month and check digits", () => {
    expect(maskNationalId("17038504460")).toBe("1703** ***60");
    expect(maskNationalId("123")).toBe("***********");
  });
});
