import { describe, expect, it } from "vitest";
import { previewStart } from "@/domain/events/start-preview";

// The new-pathway form's preview of its start code: whether the referral was
// assessed after the 10-working-day limit, said in words about the assessment.

const start = (referralReceived: string, assessedDate: string) =>
  previewStart({ type: "D11", setting: "poliklinikk", referralReceived, assessedDate }, "2026-11-27");

describe("previewStart", () => {
  it("needs no justification on the last working day of the limit", () => {
    // received Monday 2026-11-02: ten working days end Monday 2026-11-16
    const onTime = start("2026-11-02", "2026-11-16");
    expect(onTime.needsJustification).toBe(false);
    expect(onTime.justificationReason).toBeNull();
    expect(onTime.summary).toBe("Henvisningen vurderes 16.11.2026, innen fristen 16.11.2026.");
  });

  it("asks for a justification the day after, about the late assessment (no code named)", () => {
    const late = start("2026-11-02", "2026-11-17");
    expect(late.needsJustification).toBe(true);
    expect(late.lateAssessmentDue).toBe("2026-11-16");
    expect(late.justificationReason).toBe(
      "Henvisningen ble vurdert etter fristen (10 virkedager, frist 16.11.2026). Skriv en kort begrunnelse for den sene vurderingen.",
    );
    expect(late.justificationReason).not.toMatch(/kode/i);
  });
});
