import "server-only";
import { currentRuleTables } from "@/server/rule-tables/load";
import { concurrentNotices, evaluatePathway, type Notice, type PathwayEvaluation } from "@/domain/rules";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import { isRecordId } from "@/lib/record-id";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { pathwayScope } from "@/server/auth/scope";
import { auditingDenials, OutOfScope } from "@/server/access-denied";
import { toEngineInput } from "./engine-input";

const person = { select: { id: true, name: true } } as const;

function loadPathway(actor: Actor, pathwayId: string) {
  return prisma.pathway.findFirst({
    where: { id: pathwayId, ...pathwayScope(actor.user) },
    include: {
      unit: { select: { id: true, name: true, kind: true, pathwayTypes: true, codesRecordedIn: true } },
      patient: { select: { id: true, name: true, nationalId: true, birthDate: true } },
      referral: true,
      responsibleClinician: person,
      coordinator: person,
      events: {
        orderBy: [{ clinicalDate: "asc" }, { recordedAt: "asc" }],
        include: { recordedBy: person, annulledBy: person },
      },
      // shown beside their notices on the pathway page, with who and when
      noticeExplanations: { select: { noticeKey: true, justification: true, explainedAt: true, explainedBy: person } },
    },
  });
}

export type PathwayDetail = NonNullable<Awaited<ReturnType<typeof loadPathway>>>;

/**
 * One pathway with its evaluation by the rules engine, for the pathway page and
 * the API. Scoped to the actor's units (404 otherwise); every read is audited.
 */
export async function getPathwayDetail(
  actor: Actor,
  pathwayId: string,
  today: IsoDate,
): Promise<{ pathway: PathwayDetail; evaluation: PathwayEvaluation; concurrent: Notice[] }> {
  assertCan(actor.user, "patient.read");
  const pathway = await auditingDenials(actor, "patient.read", async () => {
    const found = isRecordId(pathwayId) ? await loadPathway(actor, pathwayId) : null;
    if (!found) throw new OutOfScope({ kind: "pathway", id: pathwayId }, "Fant ikke forløpet, eller det hører til en enhet du ikke har tilgang til.");
    return found;
  });
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "PATHWAY_VIEWED", patientId: pathway.patientId, pathwayId: pathway.id },
    actor.meta,
  );
  const evaluation = evaluatePathway(toEngineInput(pathway), today, await currentRuleTables());
  const concurrent = await concurrentNoticesFor(pathway);
  return { pathway, evaluation, concurrent };
}

/** CONCURRENT: the same patient has another open pathway of the same type in the same unit (never another unit's: see derived.ts). */
async function concurrentNoticesFor(pathway: PathwayDetail): Promise<Notice[]> {
  const siblings = await prisma.pathway.findMany({
    where: { patientId: pathway.patientId, type: pathway.type, unitId: pathway.unitId },
    select: { id: true, patientId: true, type: true, openedDate: true, closedDate: true },
  });
  if (siblings.length < 2) return [];
  const notices = concurrentNotices(
    siblings.map((s) => ({
      id: s.id,
      patientId: s.patientId,
      type: s.type,
      openedOn: toIsoDate(s.openedDate),
      closedOn: s.closedDate ? toIsoDate(s.closedDate) : null,
    })),
  );
  return notices.get(pathway.id) ?? [];
}
