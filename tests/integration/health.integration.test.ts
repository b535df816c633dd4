import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/db";
import { healthResponse } from "@/server/health";
import { useAppDatabase } from "./support/app-db";

const { db } = useAppDatabase();

describe("GET /api/health", () => {
  it("answers 200 {status: ok} when the database answers", async () => {
    const response = await healthResponse(db());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with a clear body when the database does not", async () => {
    // Nothing listens on port 1.
    const broken = createPrismaClient("postgresql://postgres@127.0.0.1:1/none");
    try {
      const response = await healthResponse(broken);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: "unavailable",
        error: "database_unavailable",
        message: "Databasen svarer ikke. Prøv igjen om litt.",
      });
    } finally {
      await broken.$disconnect();
    }
  });
});
