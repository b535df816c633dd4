import "server-only";
import { z } from "@/lib/zod";
import { maskNationalId } from "@/domain/national-id";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { pathwayScope } from "@/server/auth/scope";
import { shownPatientName, shownPatientNameContains } from "./shown-name";

export const ownListQuerySchema = z.object({
  q: z.string().trim().max(100, "Søket kan være høyst 100 tegn.").optional().default(""),
});

/**
 * "Mine pasienter": the clinician's own open pathways, most urgent first
 * (indexed on the derived next-deadline column). Search by name or by the last
 * digits of the national id.
 */
export interface OwnPathwayRow {
  id: string;
  type: string;
  phase: string | null;
  unitName: string;
  patientName: string;
  maskedId: string;
  nextDeadlineKind: string | null;
  nextDeadlineDue: IsoDate | null;
  noticeCount: number;
}

export async function listOwnPathways(actor: Actor, query: { q?: string }): Promise<OwnPathwayRow[]> {
  assertCan(actor.user, "pathway.list.own");
  const { q } = ownListQuerySchema.parse(query);
  const digits = q.replace(/\s/g, "");
  const search = q
    ? /^\d{1,11}$/.test(digits)
      ? { patient: { nationalId: { endsWith: digits } } }
      : shownPatientNameContains(q)
    : {};
  const rows = await prisma.pathway.findMany({
    where: { ...pathwayScope(actor.user), responsibleClinicianId: actor.user.id, status: "OPEN", ...search },
    orderBy: [{ nextDeadlineDue: { sort: "asc", nulls: "last" } }, { openedDate: "asc" }],
    take: 200,
    select: {
      id: true,
      type: true,
      phase: true,
      nextDeadlineKind: true,
      nextDeadlineDue: true,
      noticeCount: true,
      patientId: true,
      unit: { select: { name: true } },
      recordedPatientName: true,
      patient: { select: { name: true, nationalId: true } },
    },
  });
  // whether it was a search is audited, not what was typed (it may be a name)
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "PATIENT_LIST_VIEWED", patientIds: rows.map((r) => r.patientId), detail: { list: "own", search: q !== "", count: rows.length } },
    actor.meta,
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    phase: r.phase,
    unitName: r.unit.name,
    patientName: shownPatientName(r),
    maskedId: maskNationalId(r.patient.nationalId),
    nextDeadlineKind: r.nextDeadlineKind,
    nextDeadlineDue: r.nextDeadlineDue ? toIsoDate(r.nextDeadlineDue) : null,
    noticeCount: r.noticeCount,
  }));
}
