// `npm run --silent export -- --unit <enhet-id eller navn> [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] [--out <fil.csv>]`
// Writes a unit's codes (events not annulled, clinical date within --from/--to)
// as an EPJ extract with event_id: the format `npm run import` and `npm run check`
// read (src/lib/epj-csv, the one reader and writer). To stdout unless --out.
// Exit 0: written; 2: bad arguments or unknown unit; 1: the database failed.
import { createWriteStream } from "node:fs";
import { isValidIsoDate } from "@/domain/rules";
import type { IsoDate } from "@/lib/dates";
import { writeEpjCsv } from "@/lib/epj-csv";
import { createPrismaClient } from "@/server/db";
import { auditExport, exportUnitRows } from "@/server/epj-export/export";

const USAGE = "Bruk: npm run --silent export -- --unit <enhet> [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] [--out <fil.csv>]";

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]) {
  const args = { unit: "", from: "", to: "", out: "" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--unit") args.unit = argv[++i] ?? "";
    else if (arg === "--from") args.from = argv[++i] ?? "";
    else if (arg === "--to") args.to = argv[++i] ?? "";
    else if (arg === "--out") args.out = argv[++i] ?? "";
    else fail(`Ukjent valg ${arg}. ${USAGE}`);
  }
  if (!args.unit) fail(USAGE);
  for (const key of ["from", "to"] as const) if (args[key] && !isValidIsoDate(args[key])) fail(`Ugyldig --${key} «${args[key]}» (bruk ÅÅÅÅ-MM-DD).`);
  return args;
}

const args = parseArgs(process.argv.slice(2));
const prisma = createPrismaClient(undefined, { timeouts: "job" });
(globalThis as { forlopsvaktPrisma?: typeof prisma }).forlopsvaktPrisma = prisma;
try {
  const unit = await prisma.unit.findFirst({ where: { OR: [{ id: args.unit }, { name: args.unit }] }, select: { id: true } });
  if (!unit) fail(`Fant ikke enheten «${args.unit}».`);
  const filter = { from: (args.from || undefined) as IsoDate | undefined, to: (args.to || undefined) as IsoDate | undefined };
  const { rows, patientIds } = await exportUnitRows(prisma, unit.id, filter);
  await auditExport(prisma, null, unit.id, filter, rows.length, patientIds, { ip: null, userAgent: "npm run export" });
  const out = args.out ? createWriteStream(args.out) : process.stdout;
  for (const piece of writeEpjCsv(rows)) if (!out.write(piece)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  if (args.out) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((error?: Error | null) => (error ? reject(error) : resolve())));
  process.stderr.write(`${rows.length} hendelser skrevet.\n`);
} catch (error) {
  fail(`Eksporten feilet: ${error instanceof Error ? error.message : String(error)}`, 1);
} finally {
  await prisma.$disconnect();
}
