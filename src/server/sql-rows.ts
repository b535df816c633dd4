import { z } from "../lib/zod";

// The shape of every hand-written query's rows is checked where they arrive,
// not cast: a renamed column or a changed type fails here, naming the column
// and the statement, instead of flowing on as `undefined` into a page or a
// verdict. Counts are numbers whichever driver read them: PostgreSQL's int8
// (count(*)) arrives as a bigint through Prisma and as a string through pg.
// No "server-only" here: scripts and unit tests use it too.

/** The schema of one row of a statement. */
export type RowSchema = z.ZodType<object>;

/** An int8 (or int4) column as a number: bigint (Prisma), string (pg) or number; refused beyond 2^53. */
export const int8 = z.union([z.number().int(), z.bigint(), z.string().regex(/^-?\d+$/)]).transform((value, ctx) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: "custom", message: `${value} is not a safe integer` });
    return z.NEVER;
  }
  return n;
});

/** A date formatted in SQL with to_char(…, 'YYYY-MM-DD'). */
export const sqlDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export class RowShapeError extends Error {
  constructor(
    message: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(message);
    this.name = "RowShapeError";
  }
}

// what the error quotes of the statement: enough to find it in the code
const STATEMENT_CHARS = 240;

function describe(issue: z.core.$ZodIssue, row: unknown): string {
  const [column, ...rest] = issue.path;
  const where = column === undefined ? "the row" : `column "${String(column)}"${rest.length ? ` at ${rest.map(String).join(".")}` : ""}`;
  const present = typeof row === "object" && row !== null && column !== undefined && column in row;
  if (!present && column !== undefined && issue.code === "invalid_type") return `${where} is missing`;
  const expected = "expected" in issue ? `expected ${String(issue.expected)}` : issue.message;
  return `${where}: ${expected}`;
}

/**
 * `rows` checked against `schema`, as its output (counts as numbers, unknown
 * columns dropped). Throws a RowShapeError naming the first row that differs,
 * its columns and the statement.
 */
export function parseRows<S extends RowSchema>(schema: S, rows: readonly unknown[], statement: string): z.output<S>[] {
  const parsed: z.output<S>[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const result = schema.safeParse(rows[i]);
    if (!result.success) {
      const row = rows[i];
      const columns = typeof row === "object" && row !== null ? Object.keys(row).join(", ") : typeof row;
      const problems = result.error.issues.slice(0, 3).map((issue) => describe(issue, row));
      const text = statement.replace(/\s+/g, " ").trim();
      throw new RowShapeError(
        `Row ${i + 1} of ${rows.length} does not have the expected shape: ${problems.join("; ")}. ` +
          `Columns received: ${columns}. Statement: ${text.length > STATEMENT_CHARS ? `${text.slice(0, STATEMENT_CHARS)}…` : text}`,
        result.error.issues,
      );
    }
    parsed[i] = result.data;
  }
  return parsed;
}
