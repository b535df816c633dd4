import "server-only";
import { evaluatePathway, type PathwayEvaluation } from "@/domain/rules";
import { fromIsoDate, type IsoDate } from "@/lib/dates";
import type { Tx } from "@/server/db";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "./engine-input";

// Derived columns on Pathway (phase, next deadline, notice count, ...) are a
// cache of the rules engine's verdict so that worklists are indexed queries.
// They are rewritten in the same transaction as any event change, and nightly
// (npm run recompute) because the passing of days changes open deadlines.

export function derivedColumns(evaluation: PathwayEvaluation, today: IsoDate) {
  return {
    phase: evaluation.phase,
    status: evaluation.phase === "closed" ? ("CLOSED" as const) : ("OPEN" as const),
    closedDate: evaluation.closedOn ? fromIsoDate(evaluation.closedOn) : null,
    nextDeadlineKind: evaluation.nextDeadline?.kind ?? null,
    nextDeadlineDue: evaluation.nextDeadline ? fromIsoDate(evaluation.nextDeadline.due) : null,
    noticeCount: evaluation.notices.length,
    lastEventDate: evaluation.lastEventDate ? fromIsoDate(evaluation.lastEventDate) : null,
    derivedOn: fromIsoDate(today),
  };
}

/** Re-evaluates one pathway and writes its derived columns; returns the evaluation. */
export async function recomputeDerived(tx: Tx, pathwayId: string, today: IsoDate): Promise<PathwayEvaluation> {
  const stored = await tx.pathway.findUniqueOrThrow({ where: { id: pathwayId }, select: PATHWAY_ENGINE_SELECT });
  const evaluation = evaluatePathway(toEngineInput(stored), today);
  await tx.pathway.update({ where: { id: pathwayId }, data: derivedColumns(evaluation, today) });
  return evaluation;
}

/** Recomputes every pathway in batches (nightly job, seed, rule-table changes). */
export async function recomputeAllDerived(
  db: Tx,
  today: IsoDate,
  options: { batchSize?: number; onlyOpen?: boolean } = {},
): Promise<{ pathways: number }> {
  const batchSize = options.batchSize ?? 500;
  let cursor: string | undefined;
  let count = 0;
  for (;;) {
    const batch = await db.pathway.findMany({
      where: options.onlyOpen ? { status: "OPEN" } : undefined,
      select: PATHWAY_ENGINE_SELECT,
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (batch.length === 0) break;
    await Promise.all(
      batch.map((p) =>
        db.pathway.update({ where: { id: p.id }, data: derivedColumns(evaluatePathway(toEngineInput(p), today), today) }),
      ),
    );
    count += batch.length;
    cursor = batch[batch.length - 1].id;
  }
  return { pathways: count };
}
