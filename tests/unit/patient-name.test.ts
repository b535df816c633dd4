import { describe, expect, it } from "vitest";
import { samePatientName } from "@/domain/patient-name";

// When the link step of a new pathway counts the typed name as the registered one.
describe("samePatientName", () => {
  it("ignores case, spacing and Unicode composition", () => {
    expect(samePatientName("  kari   NORDMANN ", "Kari Nordmann")).toBe(true);
    expect(samePatientName("Åse Ødegård", "åse ødegård")).toBe(true);
    expect(samePatientName("A\u030Ase Berg", "\u00C5se Berg")).toBe(true); // decomposed vs precomposed å
    expect(samePatientName("Kari\tNordmann", "Kari Nordmann")).toBe(true);
  });

  it("counts letters and diacritics: a different spelling is a mismatch for the coordinator", () => {
    expect(samePatientName("Kari Nordman", "Kari Nordmann")).toBe(false);
    expect(samePatientName("Ase Berg", "Åse Berg")).toBe(false);
    expect(samePatientName("Jose Garcia", "José García")).toBe(false);
    expect(samePatientName("Kari Nordmann-Hansen", "Kari Nordmann Hansen")).toBe(false);
  });
});
