import { previewEvent, type Notice, type PathwayType, type RuleTables, type Setting } from "@/domain/rules";
import type { IsoDate } from "@/lib/dates";
import { formatNorwegianDate } from "@/lib/dates";

// What a new pathway's start code (A, dated the day the referral was
// assessed) will do, before the form is sent: the same preview the code form
// shows, from the same engine. A start after the 10-working-day limit for
// assessing the referral needs a justification, and the form says so in
// words about the late assessment (the user never typed a code here).

export interface NewPathwayStart {
  type: PathwayType;
  setting: Setting;
  referralReceived: IsoDate;
  assessedDate: IsoDate;
  directTreatmentRight?: boolean;
  severe?: boolean;
}

export interface StartPreview {
  summary: string;
  warnings: Notice[];
  needsJustification: boolean;
  /** the assessment deadline when the referral was assessed after it */
  lateAssessmentDue: IsoDate | null;
  /** why a justification is needed, in words about the assessment; null when none is */
  justificationReason: string | null;
}

/** `tables`: the rule tables (the server's stored ones; the form in the browser uses the built-in ones). */
export function previewStart(start: NewPathwayStart, today: IsoDate, tables?: RuleTables): StartPreview {
  const preview = previewEvent(
    { id: "new", type: start.type, setting: start.setting, referralReceived: start.referralReceived, directTreatmentRight: start.directTreatmentRight, severe: start.severe, events: [] },
    { id: "start", code: "A", outcome: null, activityCode: null, date: start.assessedDate },
    today,
    tables,
  );
  const late = preview.completedDeadlines.find((d) => d.met === false) ?? null;
  const needsJustification = preview.newNotices.length > 0 || late !== null;
  let justificationReason: string | null = null;
  if (late) {
    justificationReason = `Henvisningen ble vurdert etter fristen (${late.durationDays} ${late.unit === "working_days" ? "virkedager" : "dager"}, frist ${formatNorwegianDate(late.due)}). Skriv en kort begrunnelse for den sene vurderingen.`;
  } else if (needsJustification) {
    justificationReason = `Vurderingsdatoen gir en oppmerksomhet: ${preview.newNotices.map((n) => n.message).join(" ")} Skriv en kort begrunnelse.`;
  }
  const summary = late
    ? `Henvisningen vurderes ${formatNorwegianDate(start.assessedDate)}, etter fristen ${formatNorwegianDate(late.due)}.`
    : preview.completedDeadlines.length > 0
      ? `Henvisningen vurderes ${formatNorwegianDate(start.assessedDate)}, innen fristen ${formatNorwegianDate(preview.completedDeadlines[0].due)}.`
      : preview.summary;
  return { summary, warnings: preview.newNotices, needsJustification, lateAssessmentDue: late?.due ?? null, justificationReason };
}
