import "server-only";
import { maskNationalId } from "@/domain/national-id";
import { toIsoDate } from "@/lib/dates";
import type { getPathwayDetail } from "@/server/pathways/detail";
import { shownPatientName } from "@/server/pathways/shown-name";

// The API's view of one pathway: masked national id, date-only clinical dates.
export function pathwayDetailJson({ pathway, evaluation, concurrent }: Awaited<ReturnType<typeof getPathwayDetail>>) {
  return {
    pathway: {
      id: pathway.id,
      type: pathway.type,
      setting: pathway.setting,
      status: pathway.status,
      unit: { id: pathway.unit.id, name: pathway.unit.name, codesRecordedIn: pathway.unit.codesRecordedIn },
      patient: { id: pathway.patient.id, name: shownPatientName(pathway), maskedNationalId: maskNationalId(pathway.patient.nationalId) },
      referral: {
        receivedDate: toIsoDate(pathway.referral.receivedDate),
        assessedDate: pathway.referral.assessedDate ? toIsoDate(pathway.referral.assessedDate) : null,
        referrerName: pathway.referral.referrerName,
        rightToCare: pathway.referral.rightToCare,
      },
      responsibleClinician: pathway.responsibleClinician,
      openedDate: toIsoDate(pathway.openedDate),
      closedDate: pathway.closedDate ? toIsoDate(pathway.closedDate) : null,
    },
    events: pathway.events.map((e) => ({
      id: e.id,
      code: e.code,
      outcome: e.outcome,
      activityCode: e.activityCode,
      date: toIsoDate(e.clinicalDate),
      recordedAt: e.recordedAt.toISOString(),
      recordedBy: e.recordedBy,
      justification: e.justification,
      annulled: e.annulledAt
        ? { at: e.annulledAt.toISOString(), by: e.annulledBy, reason: e.annulReason }
        : null,
      replacesId: e.replacesId,
    })),
    phase: evaluation.phase,
    deadlines: evaluation.deadlines,
    notices: [...evaluation.notices, ...concurrent],
    nextDeadline: evaluation.nextDeadline,
    nextExpectedCodes: evaluation.nextExpectedCodes,
  };
}
