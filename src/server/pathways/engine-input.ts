import "server-only";
import type { PathwayInput, Setting } from "@/domain/rules";
import type { CareSetting } from "@/generated/prisma/enums";
import { toIsoDate } from "@/lib/dates";

// Maps stored rows to the rules engine's input. The engine is the only place a
// deadline is computed; this file only translates shapes.

export const SETTING_TO_ENGINE: Record<CareSetting, Setting> = { POLIKLINIKK: "poliklinikk", DOGN: "dogn" };

export interface StoredPathwayForEngine {
  id: string;
  type: PathwayInput["type"];
  setting: CareSetting;
  directTreatmentRight: boolean;
  severe: boolean;
  referral: { receivedDate: Date; legalDeadline: Date | null };
  events: {
    id: string;
    code: string;
    outcome: string | null;
    activityCode: string | null;
    clinicalDate: Date;
    recordedAt: Date;
    annulledAt: Date | null;
  }[];
}

export const PATHWAY_ENGINE_SELECT = {
  id: true,
  type: true,
  setting: true,
  directTreatmentRight: true,
  severe: true,
  referral: { select: { receivedDate: true, legalDeadline: true } },
  events: {
    select: {
      id: true,
      code: true,
      outcome: true,
      activityCode: true,
      clinicalDate: true,
      recordedAt: true,
      annulledAt: true,
    },
  },
} as const;

export function toEngineInput(p: StoredPathwayForEngine): PathwayInput {
  return {
    id: p.id,
    type: p.type,
    setting: SETTING_TO_ENGINE[p.setting],
    referralReceived: toIsoDate(p.referral.receivedDate),
    careDeadline: p.referral.legalDeadline ? toIsoDate(p.referral.legalDeadline) : null,
    directTreatmentRight: p.directTreatmentRight,
    severe: p.severe,
    events: p.events.map((e) => ({
      id: e.id,
      code: e.code,
      outcome: e.outcome,
      activityCode: e.activityCode,
      date: toIsoDate(e.clinicalDate),
      recordedAt: e.recordedAt.toISOString(),
      annulled: e.annulledAt !== null,
    })),
  };
}
