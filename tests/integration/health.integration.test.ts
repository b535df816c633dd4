import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/db";
import { health } from "@/server/health";
import { useAppDatabase } from "./support/app-db";

const { db } = useAppDatabase();

describe("GET /api/health", () => {
  it("answers 200 {status: ok} when the database answers", async () => {
    expect(await health(db())).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("answers 503 with a clear body when the database does not", async () => {
    // Nothing listens on port 1.
    const broken = createPrismaClient("postgresql://postgres@127.0.0.1:1/none");
    try {
      expect(await health(broken)).toEqual({
        status: 503,
        body: { status: "unavailable", error: "database_unavailable", message: "Databasen svarer ikke. Prøv igjen om litt." },
        headers: { "Retry-After": "5", "Cache-Control": "no-store" },
      });
    } finally {
      await broken.$disconnect();
    }
  });
});
