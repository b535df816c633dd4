import { describe, expect, it } from "vitest";
import { loginDelaySeconds } from "@/domain/login-delay";

// The per-e-mail delay: nothing for the free attempts, then doubling, capped.
const settings = { freeAttemptsPerEmail: 5, baseDelaySeconds: 2, maxDelaySeconds: 120 };

describe("loginDelaySeconds", () => {
  it("is 0 up to and including the last free attempt", () => {
    expect([1, 4, 5].map((n) => loginDelaySeconds(n, settings))).toEqual([0, 0, 0]);
  });

  it("starts at the base delay on the first attempt beyond them and doubles", () => {
    expect([6, 7, 8, 9, 10, 11].map((n) => loginDelaySeconds(n, settings))).toEqual([2, 4, 8, 16, 32, 64]);
  });

  it("never exceeds the cap, however many attempts", () => {
    expect(loginDelaySeconds(12, settings)).toBe(120);
    expect(loginDelaySeconds(1_000_000, settings)).toBe(120);
  });
});
