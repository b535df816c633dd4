import type { Notice } from "@/domain/rules";
import { noticeKey } from "@/domain/worklist";
import { formatNorwegianDate } from "@/lib/dates";
import { ExplainNoticeForm } from "./ExplainNoticeForm";
import { formatOsloDateTime } from "@/lib/dates";

export interface NoticeExplanationView {
  noticeKey: string;
  justification: string;
  explainedAt: Date;
  explainedBy: { name: string };
}

interface Props {
  pathwayId: string;
  notices: Notice[];
  explanations: NoticeExplanationView[];
  /** the actor may explain this pathway's notices (responsible clinician or coordinator) */
  canExplain: boolean;
  closed: boolean;
}

// The pathway's notices, each with its explanation (who, when, why) or, for
// those who may give one, a form to explain it, on open and closed pathways.
export function NoticeList({ pathwayId, notices, explanations, canExplain, closed }: Props) {
  const byKey = new Map(explanations.map((x) => [x.noticeKey, x]));
  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading" className="text-lg font-semibold">Oppmerksomheter</h2>
      {notices.length === 0 ? (
        <p className="mt-2 text-sm">Ingen oppmerksomheter: kodingen ser riktig ut.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {notices.map((n, i) => {
            const key = noticeKey(n);
            const explanation = byKey.get(key);
            // a closed pathway's concurrency is not followed up (no worklist row to explain)
            const explainable = canExplain && !explanation && !(closed && n.id === "CONCURRENT");
            return (
              <li
                key={`${n.id}-${n.eventId ?? i}`}
                className={`rounded border p-3 ${explanation ? "border-slate-300 bg-white text-slate-900" : "border-amber-300 bg-amber-50 text-amber-950"}`}
              >
                <span className="font-medium">{n.message}</span>
                <span className="block text-sm">
                  Gjelder {formatNorwegianDate(n.date)}
                </span>
                {explanation ? (
                  <p className="mt-1 text-sm">
                    <span className="font-medium">
                      Forklart {formatOsloDateTime(explanation.explainedAt)} av {explanation.explainedBy.name}:
                    </span>{" "}
                    {explanation.justification}
                  </p>
                ) : (
                  <p className="mt-1 text-sm">Ikke forklart.</p>
                )}
                {explainable && <ExplainNoticeForm pathwayId={pathwayId} noticeKey={key} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
