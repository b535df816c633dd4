import { NOTICE_MESSAGES, type INDICATOR_KINDS, type InvolvementIndicator, type NoticeId } from "@/domain/rules";
import { INVOLVEMENT_LABELS, KIND_LABELS } from "./labels";

// The drill-down's words, shared by its page and its CSV file.

export type DrillDownText =
  | { hva: "frist"; kind: (typeof INDICATOR_KINDS)[number]; utfall: string; maaned?: string }
  | { hva: "merknad"; merknad?: string; forklart?: "ja" | "nei" }
  | { hva: "tilbakemelding"; utfall: string }
  | { hva: "involvering"; indikator: InvolvementIndicator; utfall: string };

const OUTCOME_LABELS: Record<string, string> = {
  alle: "alle målte",
  innenfor: "innen anbefalt tid",
  brudd: "ikke innen anbefalt tid",
  pasient: "brudd, pasientutsatt",
  tjeneste: "brudd, tjenesten",
  "1-7": "1–7 dager for sent",
  "8-14": "8–14 dager for sent",
  "15-28": "15–28 dager for sent",
  ">28": "over 28 dager for sent",
  med: "med tilbakemelding",
  uten: "uten tilbakemelding",
};

const INVOLVEMENT_OUTCOME_LABELS: Record<string, string> = {
  alle: "forløp med behandlingsbeslutning",
  med: "med aktiviteten",
  uten: "uten aktiviteten",
};

export function drillDownTitle(q: DrillDownText): string {
  if (q.hva === "frist") return `${KIND_LABELS[q.kind]}: ${OUTCOME_LABELS[q.utfall]}${q.maaned ? ` (${q.maaned.slice(0, 7)})` : ""}`;
  if (q.hva === "tilbakemelding") return `Kliniske beslutninger: ${OUTCOME_LABELS[q.utfall]}`;
  if (q.hva === "involvering") return `${INVOLVEMENT_LABELS[q.indikator]}: ${INVOLVEMENT_OUTCOME_LABELS[q.utfall]}`;
  const which = q.merknad ? NOTICE_MESSAGES[q.merknad as NoticeId] ?? q.merknad : "Alle oppmerksomheter";
  return `${which}${q.forklart === "ja" ? " – forklart" : q.forklart === "nei" ? " – ikke forklart" : ""}`;
}

/** The row's detail column: days late (and pasientutsatt), the notice's text, or the decision's outcome. */
export function drillDownDetail(hva: DrillDownText["hva"], r: { daysLate: number | null; cause: string | null; label: string | null }): string {
  if (r.daysLate) return `${r.daysLate} dager for sent${r.cause === "patient" ? " (pasientutsatt)" : ""}`;
  if (hva === "merknad" && r.label) return NOTICE_MESSAGES[r.label as NoticeId] ?? r.label;
  if (hva === "tilbakemelding" && r.label) return `Utfall ${r.label}`;
  return "";
}
