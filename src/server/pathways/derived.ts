import "server-only";
import { concurrentNotices, evaluatePathway, type PathwayEvaluation } from "@/domain/rules";
import { worklistItems } from "@/domain/worklist";
import { fromIsoDate, toIsoDate, type IsoDate } from "@/lib/dates";
import type { CareSetting, PathwayType } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "./engine-input";

// Derived data are a cache of the rules engine's verdict so that lists and
// reports are indexed queries: the columns on Pathway (phase, next deadline,
// notice count, ...), the worklist items and the deadline rows. They are
// rewritten in the same transaction as any change to a pathway, and nightly
// (npm run recompute) because the passing of days changes open deadlines.

export const PATHWAY_DERIVE_SELECT = {
  ...PATHWAY_ENGINE_SELECT,
  unitId: true,
  patientId: true,
  responsibleClinicianId: true,
  openedDate: true,
  closedDate: true,
} as const;

type StoredForDerive = {
  id: string;
  type: PathwayType;
  setting: CareSetting;
  unitId: string;
  patientId: string;
  responsibleClinicianId: string | null;
  openedDate: Date;
  closedDate: Date | null;
} & Parameters<typeof toEngineInput>[0];

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

/** Re-evaluates one pathway and rewrites its derived data; returns the evaluation. */
export async function recomputeDerived(tx: Tx, pathwayId: string, today: IsoDate): Promise<PathwayEvaluation> {
  const stored = await tx.pathway.findUniqueOrThrow({ where: { id: pathwayId }, select: PATHWAY_DERIVE_SELECT });
  const [evaluation] = await deriveBatch(tx, [stored], today);
  return evaluation;
}

/** Recomputes every pathway in batches (nightly job, seed, rule-table changes). */
export async function recomputeAllDerived(
  db: Tx,
  today: IsoDate,
  options: { batchSize?: number; onlyOpen?: boolean; onBatch?: (done: number) => void } = {},
): Promise<{ pathways: number }> {
  const batchSize = options.batchSize ?? 500;
  let cursor: string | undefined;
  let count = 0;
  for (;;) {
    const batch = await db.pathway.findMany({
      where: options.onlyOpen ? { status: "OPEN" } : undefined,
      select: PATHWAY_DERIVE_SELECT,
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (batch.length === 0) break;
    // each batch commits whole: never a pathway without its worklist rows
    if ("$transaction" in db) await db.$transaction((tx) => deriveBatch(tx, batch, today), { timeout: 60_000 });
    else await deriveBatch(db, batch, today);
    count += batch.length;
    cursor = batch[batch.length - 1].id;
    options.onBatch?.(count);
  }
  return { pathways: count };
}

/** CONCURRENT notices for a batch: the patients' pathways of the same type. */
async function concurrentFor(tx: Tx, batch: StoredForDerive[], closedOn: Map<string, IsoDate | null>) {
  const siblings = await tx.pathway.findMany({
    where: { patientId: { in: [...new Set(batch.map((p) => p.patientId))] } },
    select: { id: true, patientId: true, type: true, openedDate: true, closedDate: true },
  });
  return concurrentNotices(
    siblings.map((s) => ({
      id: s.id,
      patientId: s.patientId,
      type: s.type,
      openedOn: toIsoDate(s.openedDate),
      // this batch's own closing date may just have changed
      closedOn: closedOn.has(s.id) ? closedOn.get(s.id)! : s.closedDate ? toIsoDate(s.closedDate) : null,
    })),
  );
}

async function userState(tx: Tx, ids: string[]) {
  const [explanations, postponements] = await Promise.all([
    tx.noticeExplanation.findMany({ where: { pathwayId: { in: ids } }, select: { pathwayId: true, noticeKey: true } }),
    tx.worklistPostponement.findMany({
      where: { pathwayId: { in: ids } },
      select: { pathwayId: true, itemKey: true, until: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const explained = new Map<string, Set<string>>();
  for (const e of explanations) explained.set(e.pathwayId, (explained.get(e.pathwayId) ?? new Set()).add(e.noticeKey));
  // the latest postponement of an item wins
  const postponedUntil = new Map<string, Date>();
  for (const p of postponements) postponedUntil.set(`${p.pathwayId}|${p.itemKey}`, p.until);
  return { explained, postponedUntil };
}

async function deriveBatch(tx: Tx, batch: StoredForDerive[], today: IsoDate): Promise<PathwayEvaluation[]> {
  const ids = batch.map((p) => p.id);
  const inputs = batch.map(toEngineInput);
  const evaluations = inputs.map((input) => evaluatePathway(input, today));
  const closedOn = new Map(evaluations.map((e) => [e.pathwayId, e.closedOn]));
  const [concurrent, { explained, postponedUntil }] = await Promise.all([concurrentFor(tx, batch, closedOn), userState(tx, ids)]);

  const items = batch.flatMap((p, i) =>
    worklistItems(inputs[i], evaluations[i], {
      concurrent: concurrent.get(p.id) ?? [],
      explainedNoticeKeys: explained.get(p.id) ?? new Set(),
    }).map((item) => ({
      pathwayId: p.id,
      unitId: p.unitId,
      type: p.type,
      setting: p.setting,
      responsibleClinicianId: p.responsibleClinicianId,
      reason: item.reason,
      key: item.key,
      dueOn: fromIsoDate(item.dueOn),
      sinceOn: item.sinceOn ? fromIsoDate(item.sinceOn) : null,
      deadlineKind: item.deadlineKind,
      noticeId: item.noticeId,
      eventId: item.eventId,
      outcome: item.outcome,
      postponedUntil: postponedUntil.get(`${p.id}|${item.key}`) ?? null,
    })),
  );
  const deadlines = batch.flatMap((p, i) =>
    evaluations[i].deadlines.map((d) => ({
      pathwayId: p.id,
      unitId: p.unitId,
      type: p.type,
      kind: d.kind,
      fromDate: fromIsoDate(d.from),
      due: fromIsoDate(d.due),
      completedOn: d.completedOn ? fromIsoDate(d.completedOn) : null,
      met: d.completedOn ? d.met : null,
      cause: d.completedOn ? d.cause : null,
    })),
  );

  await writeColumns(tx, batch, evaluations, today);
  await tx.worklistItem.deleteMany({ where: { pathwayId: { in: ids } } });
  await tx.pathwayDeadline.deleteMany({ where: { pathwayId: { in: ids } } });
  if (items.length) await tx.worklistItem.createMany({ data: items });
  if (deadlines.length) await tx.pathwayDeadline.createMany({ data: deadlines });
  return evaluations;
}

/** One UPDATE for the whole batch (row-by-row updates dominate at scale). */
async function writeColumns(tx: Tx, batch: StoredForDerive[], evaluations: PathwayEvaluation[], today: IsoDate) {
  const cols = evaluations.map((e) => derivedColumns(e, today));
  const iso = (d: Date | null) => (d ? toIsoDate(d) : null);
  await tx.$executeRaw`
    UPDATE "Pathway" AS p SET
      "phase" = v.phase,
      "status" = v.status::"PathwayStatus",
      "closedDate" = v.closed,
      "nextDeadlineKind" = v.kind,
      "nextDeadlineDue" = v.due,
      "noticeCount" = v.notices,
      "lastEventDate" = v.last,
      "derivedOn" = ${today}::date
    FROM unnest(
      ${batch.map((p) => p.id)}::text[],
      ${cols.map((c) => c.phase)}::text[],
      ${cols.map((c) => c.status)}::text[],
      ${cols.map((c) => iso(c.closedDate))}::date[],
      ${cols.map((c) => c.nextDeadlineKind)}::text[],
      ${cols.map((c) => iso(c.nextDeadlineDue))}::date[],
      ${cols.map((c) => c.noticeCount)}::int[],
      ${cols.map((c) => iso(c.lastEventDate))}::date[]
    ) AS v(id, phase, status, closed, kind, due, notices, last)
    WHERE p.id = v.id`;
}
