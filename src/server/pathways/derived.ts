import "server-only";
import { concurrentNotices, evaluatePathway, type PathwayEvaluation } from "@/domain/rules";
import { worklistItems } from "@/domain/worklist";
import type { IsoDate } from "@/lib/dates";
import type { Tx } from "@/server/db";
import { loadForDerive, type DeriveRow } from "./derive-load";
import { deadlineRows, itemRows, noticeRows, replaceDerived } from "./derive-write";

// Derived data are a cache of the rules engine's verdict so that lists and
// reports are indexed queries: the columns on Pathway (phase, next deadline,
// notice count, ...), the worklist items and the deadline rows. They are
// rewritten in the same transaction as any change to a pathway, and nightly
// (npm run recompute) because the passing of days changes open deadlines.

/** Re-evaluates one pathway and rewrites its derived data; returns the evaluation. */
export async function recomputeDerived(tx: Tx, pathwayId: string, today: IsoDate): Promise<PathwayEvaluation> {
  const rows = await loadForDerive(tx, { ids: [pathwayId] });
  if (rows.length === 0) throw new Error(`Pathway ${pathwayId} not found`);
  const [evaluation] = await deriveBatch(tx, rows, today);
  return evaluation;
}

/** Recomputes every pathway in batches (nightly job, seed, rule-table changes). */
export async function recomputeAllDerived(
  db: Tx,
  today: IsoDate,
  options: { batchSize?: number; onlyOpen?: boolean; onBatch?: (done: number) => void } = {},
): Promise<{ pathways: number }> {
  const limit = options.batchSize ?? 1000;
  const onlyOpen = options.onlyOpen ?? false;
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const selection = { after, limit, onlyOpen };
    // each batch commits whole: never a pathway without its worklist rows
    const batch: DeriveRow[] =
      "$transaction" in db
        ? await db.$transaction(async (tx) => {
            const rows = await loadForDerive(tx, selection);
            await deriveBatch(tx, rows, today);
            return rows;
          }, { timeout: 120_000 })
        : await loadForDerive(db, selection).then(async (rows) => (await deriveBatch(db, rows, today), rows));
    if (batch.length === 0) break;
    count += batch.length;
    after = batch[batch.length - 1].id;
    options.onBatch?.(count);
  }
  return { pathways: count };
}

/** CONCURRENT notices for a batch: the patients' pathways of the same type. */
async function concurrentFor(tx: Tx, batch: DeriveRow[], closedOn: Map<string, IsoDate | null>) {
  const siblings = await tx.$queryRaw<{ id: string; patientId: string; type: DeriveRow["type"]; openedOn: string; closedOn: string | null }[]>`
    SELECT "id", "patientId", "type"::text AS "type", to_char("openedDate", 'YYYY-MM-DD') AS "openedOn", to_char("closedDate", 'YYYY-MM-DD') AS "closedOn"
    FROM "Pathway" WHERE "patientId" = ANY(${[...new Set(batch.map((p) => p.patientId))]}::text[])`;
  // this batch's own closing dates may just have changed
  return concurrentNotices(siblings.map((s) => ({ ...s, closedOn: closedOn.has(s.id) ? closedOn.get(s.id)! : s.closedOn })));
}

async function userState(tx: Tx, ids: string[]) {
  const [explanations, postponements] = await Promise.all([
    tx.$queryRaw<{ pathwayId: string; noticeKey: string }[]>`
      SELECT "pathwayId", "noticeKey" FROM "NoticeExplanation" WHERE "pathwayId" = ANY(${ids}::text[])`,
    tx.$queryRaw<{ pathwayId: string; itemKey: string; until: Date }[]>`
      SELECT "pathwayId", "itemKey", "until" FROM "WorklistPostponement" WHERE "pathwayId" = ANY(${ids}::text[]) ORDER BY "createdAt"`,
  ]);
  const explained = new Map<string, Set<string>>();
  for (const e of explanations) explained.set(e.pathwayId, (explained.get(e.pathwayId) ?? new Set()).add(e.noticeKey));
  // the latest postponement of an item wins
  const postponedUntil = new Map<string, Date>();
  for (const p of postponements) postponedUntil.set(`${p.pathwayId}|${p.itemKey}`, p.until);
  return { explained, postponedUntil };
}

/** Evaluates loaded pathways and writes all their derived data (also used by the generator). */
export async function deriveBatch(tx: Tx, batch: DeriveRow[], today: IsoDate): Promise<PathwayEvaluation[]> {
  if (batch.length === 0) return [];
  const ids = batch.map((p) => p.id);
  const evaluations = batch.map((p) => evaluatePathway(p.input, today));
  const closedOn = new Map(evaluations.map((e) => [e.pathwayId, e.closedOn]));
  const [concurrent, { explained, postponedUntil }] = await Promise.all([concurrentFor(tx, batch, closedOn), userState(tx, ids)]);
  const items = batch.flatMap((p, i) =>
    itemRows(
      p,
      worklistItems(p.input, evaluations[i], { concurrent: concurrent.get(p.id) ?? [], explainedNoticeKeys: explained.get(p.id) ?? new Set() }),
      postponedUntil,
    ),
  );
  const deadlines = batch.flatMap((p, i) => deadlineRows(p, evaluations[i]));
  const notices = batch.flatMap((p, i) => noticeRows(p, evaluations[i]));
  await replaceDerived(tx, ids, evaluations, today, { items, deadlines, notices });
  return evaluations;
}
