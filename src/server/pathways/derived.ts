import "server-only";
import { concurrentNotices, evaluatePathway, type PathwayEvaluation, type RuleTables } from "@/domain/rules";
import { worklistItems } from "@/domain/worklist";
import type { IsoDate } from "@/lib/dates";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { sqlOf, type Sql } from "@/server/sql";
import { PathwayType } from "@/generated/prisma/enums";
import { z } from "@/lib/zod";
import { sqlDate } from "@/server/sql-rows";
import { loadForDerive, lockNextPage, storedColumns, storedRowsSchema, type DeriveRow } from "./derive-load";
import { derivedChanges, derivedDigests, type StoredRows } from "./derive-diff";
import { columnRows, deadlineRows, itemRows, noticeRows, replaceDerived, type DerivedRows } from "./derive-write";
import { currentRuleTables } from "@/server/rule-tables/load";

// Derived data are a cache of the rules engine's verdict so that lists and
// reports are indexed queries: the columns on Pathway (phase, next deadline,
// notice count, ...), the worklist items and the deadline rows. They are
// rewritten in the same transaction as any change to a pathway, and nightly
// (npm run recompute) because the passing of days changes open deadlines.

/**
 * Re-evaluates one pathway and rewrites its derived data; returns the
 * evaluation. The pathway row is locked first so that changes to one pathway
 * take turns and each derives from everything committed before it.
 */
export async function recomputeDerived(tx: Tx | Sql, pathwayId: string, today: IsoDate): Promise<PathwayEvaluation> {
  await sqlOf(tx).run(Prisma.sql`SELECT 1 FROM "Pathway" WHERE "id" = ${pathwayId} FOR NO KEY UPDATE`);
  const rows = await loadForDerive(tx, { ids: [pathwayId] });
  if (rows.length === 0) throw new Error(`Pathway ${pathwayId} not found`);
  const [evaluation] = await deriveBatch(tx, rows, today);
  return evaluation;
}

/** Where the pages of a recompute run: each in a transaction of its own, or all in the caller's. */
export interface PageTransactions {
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

/** Pages inside a transaction the caller already holds (the seed). */
export function withinTransaction(tx: Tx): PageTransactions {
  return { transaction: (work) => work(sqlOf(tx)) };
}

/** A page that failed: rolled back whole; the pages committed before it (and beside it) stay. */
export class RecomputePageError extends Error {
  constructor(
    /** the page's first pathway, or null when its ids were not read yet */
    readonly firstPathwayId: string | null,
    /** pathways recomputed and committed by the job (the pages in flight beside the failed one included) */
    readonly pathwaysDone: number,
    cause: unknown,
  ) {
    const where = firstPathwayId ? `siden som begynner med forløp ${firstPathwayId}` : "en side";
    super(`Omberegningen stoppet: ${where} ble rullet tilbake (${cause instanceof Error ? cause.message : String(cause)}); ${pathwaysDone} forløp var omberegnet.`, { cause });
    this.name = "RecomputePageError";
  }
}

/**
 * Recomputes every pathway (or every open one) page by page (nightly job,
 * npm run recompute, seed). Each page is one transaction that locks its
 * pathway rows first, then reads them: a registration committing meanwhile is
 * waited for and seen, never overwritten with an older verdict, and a page
 * commits whole (never a pathway without its worklist rows).
 *
 * With several `lanes` (transactions on connections of their own), as many
 * pages are in flight at once: while one page waits for PostgreSQL, another
 * is evaluated in Node, and PostgreSQL works on two pages with two cores. The
 * pages are taken in turn, each locking the next ids after the page taken
 * before it, so no pathway is in two pages. A page that fails is rolled back
 * alone: the pages in flight beside it still commit, no further page is
 * taken, and the job rejects with a RecomputePageError.
 */
export async function recomputeAllDerived(
  lanes: PageTransactions | PageTransactions[],
  today: IsoDate,
  options: { batchSize?: number; onlyOpen?: boolean; onBatch?: (done: number) => void; tables?: RuleTables } = {},
): Promise<{ pathways: number }> {
  const limit = options.batchSize ?? 1000;
  // one set of rule tables for the whole job
  const tables = options.tables ?? (await currentRuleTables());
  const onlyOpen = options.onlyOpen ?? false;
  let after: string | null = null;
  let exhausted = false;
  let failure: { first: string | null; cause: unknown } | null = null;
  let count = 0;
  // the pages' turns at taking the next ids: one lock statement at a time, in id order
  let turn: Promise<unknown> = Promise.resolve();
  const nextPage = (sql: Sql): Promise<string[]> => {
    const taken = turn.then(async () => {
      if (exhausted || failure) return [];
      const ids = await lockNextPage(sql, { after, limit, onlyOpen });
      if (ids.length === 0) exhausted = true;
      else after = ids[ids.length - 1];
      return ids;
    });
    turn = taken.catch(() => undefined);
    return taken;
  };

  const lane = async (pages: PageTransactions) => {
    while (!exhausted && !failure) {
      let first: string | null = null;
      try {
        const done = await pages.transaction(async (sql) => {
          const ids = await nextPage(sql);
          if (ids.length === 0) return 0;
          first = ids[0];
          const rows = await loadForDerive(sql, { ids });
          await deriveBatch(sql, rows, today, tables);
          return rows.length;
        });
        if (done === 0) return;
        count += done;
        options.onBatch?.(count);
      } catch (error) {
        // the other lanes finish the page they hold, then stop
        failure ??= { first, cause: error };
        return;
      }
    }
  };
  await Promise.all((Array.isArray(lanes) ? lanes : [lanes]).map(lane));
  const failed = failure as { first: string | null; cause: unknown } | null;
  if (failed) throw new RecomputePageError(failed.first, count, failed.cause);
  return { pathways: count };
}

export const deriveContextSchema = z.object({
  /** the patients' pathways, for CONCURRENT notices */
  siblings: z.array(
    z.object({ id: z.string(), patientId: z.string(), unitId: z.string(), type: z.enum(PathwayType), openedOn: sqlDate, closedOn: sqlDate.nullable() }),
  ),
  explanations: z.array(z.object({ pathwayId: z.string(), noticeKey: z.string() })),
  /** oldest first */
  postponements: z.array(z.object({ pathwayId: z.string(), itemKey: z.string(), until: sqlDate })),
});
export type DeriveContext = z.output<typeof deriveContextSchema>;

/**
 * The context's three columns for these patients and pathways (SQL arrays of
 * ids: parameters, or a pathway row's own columns in the registration's load).
 */
export function contextColumns(patientIds: Prisma.Sql, ids: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    COALESCE((SELECT json_agg(json_build_object('id', s."id", 'patientId', s."patientId", 'unitId', s."unitId", 'type', s."type",
        'openedOn', to_char(s."openedDate", 'YYYY-MM-DD'), 'closedOn', to_char(s."closedDate", 'YYYY-MM-DD')))
      FROM "Pathway" s WHERE s."patientId" = ANY(${patientIds})), '[]'::json) AS "siblings",
    COALESCE((SELECT json_agg(json_build_object('pathwayId', x."pathwayId", 'noticeKey', x."noticeKey"))
      FROM "NoticeExplanation" x WHERE x."pathwayId" = ANY(${ids})), '[]'::json) AS "explanations",
    COALESCE((SELECT json_agg(json_build_object('pathwayId', w."pathwayId", 'itemKey', w."itemKey", 'until', to_char(w."until", 'YYYY-MM-DD'))
        ORDER BY w."createdAt")
      FROM "WorklistPostponement" w WHERE w."pathwayId" = ANY(${ids}) AND w."undoneAt" IS NULL), '[]'::json) AS "postponements"`;
}

/** What besides the events decides the derived rows. */
async function loadContext(db: Tx | Sql, batch: DeriveRow[], ids: string[]): Promise<DeriveContext> {
  const patientIds = [...new Set(batch.map((p) => p.patientId))];
  const [context] = await sqlOf(db).rows(deriveContextSchema,
    Prisma.sql`SELECT ${contextColumns(Prisma.sql`${patientIds}::text[]`, Prisma.sql`${ids}::text[]`)}`,
  );
  return context;
}

/** The derived rows stored now for these pathways. */
async function loadStored(db: Tx | Sql, ids: string[]): Promise<StoredRows> {
  const [stored] = await sqlOf(db).rows(storedRowsSchema, Prisma.sql`SELECT ${storedColumns(Prisma.sql`${ids}::text[]`)}`);
  return stored;
}

/** CONCURRENT notices for a batch: the patients' pathways of the same type. */
function concurrentFor(siblings: DeriveContext["siblings"], closedOn: Map<string, IsoDate | null>) {
  // this batch's own closing dates may just have changed
  // Only pathways of the same unit: a notice about another unit's pathway would tell a unit that
  // the patient is known elsewhere (issue 13, item 2); NPR joins the rest itself.
  return concurrentNotices(
    siblings.map((s) => ({ ...s, patientId: `${s.patientId} ${s.unitId}`, closedOn: closedOn.has(s.id) ? closedOn.get(s.id)! : s.closedOn })),
  );
}

function userState({ explanations, postponements }: DeriveContext) {
  const explained = new Map<string, Set<string>>();
  for (const e of explanations) explained.set(e.pathwayId, (explained.get(e.pathwayId) ?? new Set()).add(e.noticeKey));
  // the latest postponement of an item wins
  const postponedUntil = new Map<string, IsoDate>();
  for (const p of postponements) postponedUntil.set(`${p.pathwayId}|${p.itemKey}`, p.until);
  return { explained, postponedUntil };
}

/** The derived rows of evaluated pathways (pure). */
export function derivedRows(batch: DeriveRow[], evaluations: PathwayEvaluation[], context: DeriveContext, tables?: RuleTables): DerivedRows {
  const closedOn = new Map(evaluations.map((e) => [e.pathwayId, e.closedOn]));
  const concurrent = concurrentFor(context.siblings, closedOn);
  const { explained, postponedUntil } = userState(context);
  const items = batch.flatMap((p, i) =>
    itemRows(
      p,
      worklistItems(p.input, evaluations[i], { concurrent: concurrent.get(p.id) ?? [], explainedNoticeKeys: explained.get(p.id) ?? new Set(), tables }),
      postponedUntil,
    ),
  );
  const deadlines = batch.flatMap((p, i) => deadlineRows(p, evaluations[i]));
  const notices = batch.flatMap((p, i) => noticeRows(p, evaluations[i]));
  return { items, deadlines, notices };
}

/**
 * Evaluates loaded pathways and writes all their derived data (also used by
 * the generator), by the rule tables given or else the stored ones.
 */
export async function deriveBatch(tx: Tx | Sql, batch: DeriveRow[], today: IsoDate, tables?: RuleTables): Promise<PathwayEvaluation[]> {
  if (batch.length === 0) return [];
  const rules = tables ?? (await currentRuleTables(tx));
  const ids = batch.map((p) => p.id);
  const evaluations = batch.map((p) => evaluatePathway(p.input, today, rules));
  const context = await loadContext(tx, batch, ids);
  const fresh = derivedRows(batch, evaluations, context, rules);
  const digests = derivedDigests(columnRows(ids, evaluations), fresh);
  // only the pathways whose derived data differ from the digest stored with them are read and written;
  // the others are not touched at all (their derivedOn stays the day they were last written)
  const changed = new Set(batch.filter((p) => p.derivedDigest !== digests.get(p.id)).map((p) => p.id));
  if (changed.size === 0) return evaluations;
  const changedIds = ids.filter((id) => changed.has(id));
  const of = <T extends { pathwayId: string }>(rows: T[]) => (changed.size === batch.length ? rows : rows.filter((r) => changed.has(r.pathwayId)));
  const changedRows = { items: of(fresh.items), deadlines: of(fresh.deadlines), notices: of(fresh.notices) };
  const stored = await loadStored(tx, changedIds);
  const changedEvaluations = evaluations.filter((_, i) => changed.has(ids[i]));
  await replaceDerived(tx, changedIds, changedEvaluations, today, derivedChanges(stored, changedRows), digests);
  return evaluations;
}
