// `npm run bench:rows`: what checking the rows' shape (src/server/sql-rows.ts)
// costs the two hottest paths, on the data in DATABASE_URL: the worklist's
// first page (the unit with most rows) and registering an event. For each,
// the Node CPU time of a whole service call (process.cpuUsage over many
// calls, the row checks included) and the time of the row checks alone, run
// again on the very rows those calls received. PostgreSQL's own CPU is left
// out, so the share printed is of Node's CPU only (an upper bound). Both are
// CPU time (process.cpuUsage), so a busy machine slows both alike.
import type pg from "pg";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import type { Actor } from "@/server/auth/current-user";
import { today } from "@/server/clock";
import { createPrismaClient, pgPool } from "@/server/db";
import { registerEvent } from "@/server/events/register";
import { targetRow } from "@/server/events/register-write";
import { sqlOf } from "@/server/sql";
import { int8, parseRows, type RowSchema } from "@/server/sql-rows";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { listWorklist, pageItem } from "@/server/worklist/query";

const CALLS = Number(process.argv.find((a) => a.startsWith("--calls="))?.split("=")[1] ?? 300);

const prisma = createPrismaClient();
(globalThis as { forlopsvaktPrisma?: typeof prisma }).forlopsvaktPrisma = prisma;

// the last rows each statement received, by its text
const received = new Map<string, unknown[]>();
const pool = pgPool(prisma) as pg.Pool & { query: (...args: unknown[]) => Promise<pg.QueryResult> };
const query = pool.query.bind(pool);
pool.query = async (...args: unknown[]) => {
  const result = await query(...(args as Parameters<typeof query>));
  const config = args[0] as string | { text: string };
  received.set(typeof config === "string" ? config : config.text, result.rows);
  return result;
};
const rowsOf = (marker: string) => [...received].find(([text]) => text.includes(marker))!;

/** Node CPU per call of `call` (µs), after a warm-up. */
async function cpuPerCall(call: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 30; i++) await call(i);
  const before = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await call(30 + i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / CALLS;
}

/** CPU time of parseRows on `rows` (µs per call), after a warm-up; CPU, not wall time: the machine may be shared. */
function parsePerCall(schema: RowSchema, [text, rows]: [string, unknown[]]): number {
  for (let i = 0; i < 1000; i++) parseRows(schema, rows, text);
  const runs = 20 * CALLS;
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) parseRows(schema, rows, text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / runs;
}

function report(label: string, cpu: number, parse: number, rows: number) {
  console.log(`${label.padEnd(28)} Node-CPU ${(cpu / 1000).toFixed(2)} ms per kall, radsjekk ${parse.toFixed(1)} µs (${rows} rader) = ${((parse / cpu) * 100).toFixed(2)} %`);
}

try {
  const [{ unitId }] = await sqlOf(prisma).rows(
    z.object({ unitId: z.string(), rows: int8 }),
    Prisma.sql`SELECT "unitId", count(*) AS rows FROM "WorklistItem" GROUP BY "unitId" ORDER BY rows DESC LIMIT 1`,
  );
  const user = async (role: "COORDINATOR" | "CLINICIAN") =>
    (await prisma.user.findFirstOrThrow({ where: { role, active: true, units: { some: { unitId } } }, select: { id: true } })).id;
  const actor = (id: string, role: "COORDINATOR" | "CLINICIAN"): Actor => ({
    user: { id, email: "bench@forlopsvakt.test", name: "Benchmark", role, unitIds: [unitId] },
    meta: { ip: "127.0.0.1", userAgent: "bench-rows" },
  });
  const day = today();
  console.log(`Enhet ${unitId}, ${CALLS} kall per måling.`);

  const coordinator = actor(await user("COORDINATOR"), "COORDINATOR");
  const first = worklistFilterSchema.parse({});
  const worklistCpu = await cpuPerCall(() => listWorklist(coordinator, first, day));
  const page = rowsOf("WITH page AS MATERIALIZED");
  report("arbeidsliste, første side", worklistCpu, parsePerCall(pageItem, page), page[1].length);

  const clinician = actor(await user("CLINICIAN"), "CLINICIAN");
  const open = await prisma.pathway.findMany({ where: { unitId, status: "OPEN" }, select: { id: true }, take: CALLS + 30, orderBy: { id: "asc" } });
  const stamp = Date.now();
  const registerCpu = await cpuPerCall((i) =>
    registerEvent(clinician, open[i % open.length].id, { code: "L", date: day, idempotencyKey: `bench-rows-${stamp}-${i}`, justification: "Måling" }, day),
  );
  const target = rowsOf(`AS "version"`);
  const written = rowsOf(`AS "written"`);
  const parse = parsePerCall(targetRow, target) + parsePerCall(z.object({ written: z.boolean() }), written);
  report("registrering av hendelse", registerCpu, parse, target[1].length + written[1].length);
} finally {
  await prisma.$disconnect();
}
