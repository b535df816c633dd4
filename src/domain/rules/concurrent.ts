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
  const groups = new Map<string, PathwaySpan[]>();
  for (const p of pathways) {
    const key = `${p.patientId}|${p.type}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
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
  return result;
}
