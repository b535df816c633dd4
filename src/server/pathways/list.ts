import "server-only";
import { z } from "@/lib/zod";
import { recordIdSchema } from "@/lib/record-id";
import { maskNationalId } from "@/domain/national-id";
import { PATHWAY_TYPES } from "@/domain/rules";
import { toIsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { pathwayScope } from "@/server/auth/scope";
import { shownPatientName } from "./shown-name";

// GET /api/v1/pathways: keyset pagination on (nextDeadlineDue, id) would be
// ideal for the worklist; this general list pages by id with a cursor and
// never counts the whole table.
export const listPathwaysQuerySchema = z.object({
  status: z.enum(["OPEN", "CLOSED"], { error: "status må være OPEN eller CLOSED." }).optional(),
  type: z.enum(PATHWAY_TYPES, { error: "Ukjent forløpstype." }).optional(),
  clinician: recordIdSchema("Ugyldig behandler-id.").optional(),
  cursor: recordIdSchema("Ugyldig markør.").optional(),
  limit: z.coerce
    .number({ error: "limit må være et tall." })
    .int("limit må være et heltall.")
    .min(1, "limit må være minst 1.")
    .max(200, "limit kan være høyst 200.")
    .default(50),
});

export async function listPathways(actor: Actor, query: z.input<typeof listPathwaysQuerySchema>) {
  assertCan(actor.user, "patient.read");
  const q = listPathwaysQuerySchema.parse(query);
  const rows = await prisma.pathway.findMany({
    where: {
      ...pathwayScope(actor.user),
      ...(q.status ? { status: q.status } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.clinician ? { responsibleClinicianId: q.clinician } : {}),
    },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      type: true,
      setting: true,
      status: true,
      phase: true,
      unitId: true,
      openedDate: true,
      closedDate: true,
      nextDeadlineKind: true,
      nextDeadlineDue: true,
      noticeCount: true,
      responsibleClinicianId: true,
      patientId: true,
      recordedPatientName: true,
      patient: { select: { name: true, nationalId: true } },
    },
  });
  const page = rows.slice(0, q.limit);
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "PATIENT_LIST_VIEWED", patientIds: page.map((r) => r.patientId), detail: { list: "api", count: page.length } },
    actor.meta,
  );
  return {
    items: page.map((r) => ({
      id: r.id,
      type: r.type,
      setting: r.setting,
      status: r.status,
      phase: r.phase,
      unitId: r.unitId,
      openedDate: toIsoDate(r.openedDate),
      closedDate: r.closedDate ? toIsoDate(r.closedDate) : null,
      nextDeadline: r.nextDeadlineKind && r.nextDeadlineDue ? { kind: r.nextDeadlineKind, due: toIsoDate(r.nextDeadlineDue) } : null,
      noticeCount: r.noticeCount,
      responsibleClinicianId: r.responsibleClinicianId,
      patient: { name: shownPatientName(r), maskedNationalId: maskNationalId(r.patient.nationalId) },
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
  };
}
