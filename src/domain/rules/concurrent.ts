import type { IsoDate } from "@/lib/dates";
import { NOTICE_MESSAGES } from "./labels";
import type { PathwayType } from "./codes";
import type { Notice } from "./types";

export interface PathwaySpan {
  id: string;
  patientId: string;
  type: PathwayType;
  openedOn: IsoDate;
  closedOn: IsoDate | null;
}

/** CONCURRENT: the same patient has overlapping pathways of the same type (NPR reads them as one). */
export function concurrentNotices(pathways: PathwaySpan[]): Map<string, Notice[]> {
  const result = new Map<string, Notice[]>();
  // grouped by patient, then type, without a key string or a copied list per pathway
  // (the check CLI groups 100 000 pathways: that was a twentieth of its time)
  const byPatient = new Map<string, PathwaySpan | PathwaySpan[]>();
  for (const p of pathways) {
    const known = byPatient.get(p.patientId);
    if (known === undefined) byPatient.set(p.patientId, p);
    else if (Array.isArray(known)) known.push(p);
    else byPatient.set(p.patientId, [known, p]);
  }
  for (const spans of byPatient.values()) {
    if (!Array.isArray(spans)) continue;
    const types: PathwayType[] = [];
    for (const p of spans) if (!types.includes(p.type)) types.push(p.type);
    for (const type of types) checkGroup(spans.filter((p) => p.type === type), result);
  }
  return result;
}

/** The pathways of one patient and type. */
function checkGroup(group: PathwaySpan[], result: Map<string, Notice[]>): void {
  if (group.length < 2) return;
  for (const p of group) {
    for (const other of group) {
      if (other.id === p.id) continue;
      const overlaps = (other.closedOn === null || other.closedOn >= p.openedOn) && (p.closedOn === null || p.closedOn >= other.openedOn);
      if (!overlaps) continue;
      const date = p.openedOn > other.openedOn ? p.openedOn : other.openedOn;
      result.set(p.id, [...(result.get(p.id) ?? []), { id: "CONCURRENT", date, message: NOTICE_MESSAGES.CONCURRENT, eventId: null }]);
      break;
    }
  }
}
