import "server-only";
import { pathwayEnding } from "@/domain/pathway-page/earlier-pathways";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/auth/current-user";
import { pathwayScope } from "@/server/auth/scope";
import type { PathwayType } from "@/domain/rules";

// The patient's earlier pathways for the pathway page (a re-referral is seen at
// once): only those in the viewer's units, opened on or before this one. The
// page's own audit row (PATHWAY_VIEWED) already names the patient.

export interface EarlierPathwayRow {
  id: string;
  openedOn: IsoDate;
  type: PathwayType;
  unitName: string;
  ending: string;
}

export async function earlierPathways(actor: Actor, current: { id: string; patientId: string; openedDate: Date }): Promise<EarlierPathwayRow[]> {
  const rows = await prisma.pathway.findMany({
    where: { patientId: current.patientId, id: { not: current.id }, openedDate: { lte: current.openedDate }, ...pathwayScope(actor.user) },
    orderBy: [{ openedDate: "desc" }, { id: "asc" }],
    take: 20,
    select: {
      id: true,
      type: true,
      openedDate: true,
      closedDate: true,
      phase: true,
      unit: { select: { name: true } },
      events: { select: { code: true, outcome: true, clinicalDate: true, annulledAt: true }, orderBy: [{ clinicalDate: "asc" }, { recordedAt: "asc" }] },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    openedOn: toIsoDate(p.openedDate),
    type: p.type,
    unitName: p.unit.name,
    ending: pathwayEnding({
      type: p.type,
      closedOn: p.closedDate ? toIsoDate(p.closedDate) : null,
      phase: p.phase,
      events: p.events.map((e) => ({ code: e.code, outcome: e.outcome, date: toIsoDate(e.clinicalDate), annulled: e.annulledAt !== null })),
    }),
  }));
}
