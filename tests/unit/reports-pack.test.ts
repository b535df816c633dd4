import { describe, expect, it } from "vitest";
import { TOP_CLINICIANS, worstFirst } from "@/domain/reports/worst-first";
import { drillHref, packShare, unpackShare } from "@/features/reports/report-data";
import { complianceByClinician, lagByClinician } from "@/features/reports/pack-report";
import { reportSearchParams } from "@/server/reports/filters";

// The report page sends its client view numbers (report-data.ts) and shows
// the clinicians with most to act on first (worst-first.ts).

const emptyShare = () => ({ numerator: 0, denominator: 0, share: null as number | null, patient: 0, service: 0, late: { "1-7": 0, "8-14": 0, "15-28": 0, ">28": 0 } });
const byName = (a: string, b: string) => a.localeCompare(b);

describe("worst first", () => {
  it("ranks by how many went wrong, then by the share of them, then by name", () => {
    const rows = [
      { name: "Berit", problems: 1, of: 1 }, // 100 % of one
      { name: "Anne", problems: 40, of: 200 },
      { name: "Cato", problems: 40, of: 100 },
      { name: "Dag", problems: 0, of: 0 },
      { name: "Ada", problems: 0, of: 5 },
    ];
    expect(worstFirst(rows, (r) => r, byName).map((r) => r.name)).toEqual(["Cato", "Anne", "Berit", "Ada", "Dag"]);
  });

  it("a page shows ten", () => {
    expect(TOP_CLINICIANS).toBe(10);
  });
});

describe("packed figures", () => {
  it("a share survives packing, its share computed again", () => {
    const s = { numerator: 3, denominator: 4, share: 0.75, patient: 0, service: 1, late: { "1-7": 1, "8-14": 0, "15-28": 0, ">28": 0 } };
    expect(packShare(s)).toEqual([3, 4, 0, 1, 1, 0, 0, 0]);
    expect(unpackShare(packShare(s))).toEqual(s);
    expect(unpackShare(packShare(emptyShare()))).toEqual(emptyShare());
  });

  it("a drill-down link is the one reportSearchParams makes", () => {
    const filters = { periode: "i-fjor", enhet: "u-1", type: undefined, fra: undefined, til: undefined } as const;
    const extra = { hva: "frist", kind: "care_start", utfall: undefined, enhetsrad: "u-1" };
    expect(drillHref(reportSearchParams(filters).toString(), extra)).toBe(`/rapporter/forlop?${reportSearchParams(filters, extra)}`);
    expect(drillHref("", { hva: "merknad" })).toBe("/rapporter/forlop?hva=merknad");
  });

  it("clinicians come most missed deadlines first, and most late codings first", () => {
    const share = (numerator: number, denominator: number) => ({ ...emptyShare(), numerator, denominator, share: numerator / denominator });
    const kinds = (n: number, d: number) => ({ referral_assessment: share(n, d), care_start: emptyShare(), basis_assessment: emptyShare(), extended_assessment: emptyShare(), first_evaluation: emptyShare() });
    const compliance = { byClinician: [
      { id: "a", name: "Anne", byKind: kinds(9, 10) },
      { id: "b", name: "Bjørn", byKind: kinds(50, 80) },
      { id: null, name: "Ingen ansvarlig behandler", byKind: kinds(0, 3) },
    ] } as unknown as Parameters<typeof complianceByClinician>[0];
    expect(complianceByClinician(compliance).map((c) => c.id)).toEqual(["b", null, "a"]);
    const lag = { byClinician: [
      { id: "a", name: "Anne", events: 2, median: 9, late: 2, lateShare: 1 },
      { id: "b", name: "Bjørn", events: 300, median: 3, late: 30, lateShare: 0.1 },
    ] } as unknown as Parameters<typeof lagByClinician>[0];
    expect(lagByClinician(lag).map((c) => c.id)).toEqual(["b", "a"]);
  });
});
