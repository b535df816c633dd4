import { beforeAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { verifyLogin } from "@/server/auth/login";
import { useAppDatabase } from "./support/app-db";

const { db } = useAppDatabase();
const meta = (ip: string) => ({ ip, userAgent: "vitest" });

describe("login", () => {
  beforeAll(async () => {
    const passwordHash = await bcrypt.hash("riktig-passord", 4);
    await db().user.createMany({
      data: [
        { email: "kari@test.invalid", name: "Kari Nordmann", passwordHash, role: "CLINICIAN" },
        { email: "ola@test.invalid", name: "Ola Nordmann", passwordHash, role: "COORDINATOR" },
        { email: "slutta@test.invalid", name: "Sluttet Behandler", passwordHash, role: "CLINICIAN", active: false },
      ],
    });
  });

  it("accepts the right password (e-mail case-insensitive) and audits the login", async () => {
    const result = await verifyLogin({ email: "Kari@Test.invalid", password: "riktig-passord", ...meta("10.1.0.1") });
    expect(result).toMatchObject({ ok: true, user: { email: "kari@test.invalid" } });
    const audit = await db().auditEvent.findFirst({ where: { action: "LOGIN_SUCCEEDED" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ ip: "10.1.0.1" });
  });

  it("refuses a wrong password, an unknown e-mail and a deactivated user alike", async () => {
    for (const [email, password] of [
      ["kari@test.invalid", "feil"],
      ["finnes.ikke@test.invalid", "riktig-passord"],
      ["slutta@test.invalid", "riktig-passord"],
    ]) {
      expect(await verifyLogin({ email, password, ...meta("10.1.0.2") })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await db().auditEvent.count({ where: { action: "LOGIN_FAILED" } })).toBeGreaterThanOrEqual(3);
  });

  it("locks an e-mail after five failures, even with the right password, without locking others", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await verifyLogin({ email: "ola@test.invalid", password: `feil${i}`, ...meta(`10.2.0.${i}`) })).toMatchObject({
        reason: "invalid",
      });
    }
    expect(await verifyLogin({ email: "ola@test.invalid", password: "riktig-passord", ...meta("10.2.0.9") })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect(await verifyLogin({ email: "kari@test.invalid", password: "riktig-passord", ...meta("10.2.0.9") })).toMatchObject({
      ok: true,
    });
  });
});
