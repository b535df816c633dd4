import { describe, expect, it } from "vitest";
import { filtersToSearchParams, groupOf, worklistFilterSchema } from "@/server/worklist/filters";

describe("worklist filters in the URL", () => {
  it("defaults to a 14-day horizon, grouped by reason", () => {
    expect(worklistFilterSchema.parse({})).toMatchObject({ horisont: 14, sortering: "grunn" });
  });

  it("reads bookmarked parameters and writes them back without the defaults", () => {
    const filters = worklistFilterSchema.parse({ type: "D11", grunn: "forfalt", horisont: "30", setting: "" });
    expect(filters).toMatchObject({ type: "D11", grunn: "forfalt", horisont: 30, setting: undefined });
    expect(filtersToSearchParams(filters).toString()).toBe("type=D11&grunn=forfalt&horisont=30");
    expect(filtersToSearchParams(worklistFilterSchema.parse({})).toString()).toBe("");
  });

  it("refuses bad values with Norwegian messages", () => {
    const messages = (input: Record<string, string>) => {
      const result = worklistFilterSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(messages({ horisont: "-1" })).toEqual(["Horisonten kan ikke være negativ."]);
    expect(messages({ horisont: "tre" })).toEqual(["Horisonten må være et antall dager."]);
    expect(messages({ horisont: "9999" })).toEqual(["Horisonten kan være høyst 365 dager."]);
    expect(messages({ type: "D99" })).toEqual(["Ukjent forløpstype."]);
    expect(messages({ grunn: "alt" })).toEqual(["Ukjent grunn."]);
    expect(messages({ behandler: "'; DROP TABLE" })).toEqual(["Ugyldig behandler."]);
  });

  it("puts a deadline in 'overdue' from the day after its due date", () => {
    expect(groupOf("DEADLINE", "2026-11-22", "2026-11-22")).toBe("snart");
    expect(groupOf("DEADLINE", "2026-11-21", "2026-11-22")).toBe("forfalt");
    expect(groupOf("NOTICE_UNEXPLAINED", "2026-01-01", "2026-11-22")).toBe("merknad");
  });
});
