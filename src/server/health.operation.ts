import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";

// GET /api/health → health (./health.ts): for load balancers and monitoring, no sign-in.

export const healthOperation = defineOperation({
  id: "health",
  method: "GET",
  path: "/api/health",
  permission: "public",
  summary: "Whether the server and its database answer",
  responses: {
    200: { description: "Up", schema: z.object({ status: z.literal("ok") }) },
    503: {
      description: "The database does not answer (Retry-After: 5)",
      schema: z.object({ status: z.literal("unavailable"), error: z.literal("database_unavailable"), message: z.string() }),
    },
  },
});
