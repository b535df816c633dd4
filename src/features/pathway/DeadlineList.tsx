import { DEADLINE_LABELS, type Deadline } from "@/domain/rules";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import { deadlineStatus } from "@/domain/deadline-text";
import { deadlinesForList } from "@/domain/pathway-page/deadline-order";
import { TONE_CLASSES } from "./tone-classes";

// Open deadlines past due first (deadline-order.ts); one finished late is
// history that can no longer be acted on, so it is shown quietly (grey, with
// its late days still said in words).
const QUIET_CLASSES = "border-slate-200 bg-white text-slate-700";

export function DeadlineList({ deadlines, today }: { deadlines: Deadline[]; today: IsoDate }) {
  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading" className="text-lg font-semibold">Frister</h2>
      {deadlines.length === 0 ? (
        <p className="mt-2 text-sm">Ingen frister ennå. Fristene starter når forløpet har fått sine første koder.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {deadlinesForList(deadlines).map(({ deadline: d, finishedLate }, i) => {
            const status = deadlineStatus(d, today);
            return (
              <li key={`${d.kind}-${d.from}-${i}`} className={`rounded border p-3 ${finishedLate ? QUIET_CLASSES : TONE_CLASSES[status.tone]}`}>
                <div className="flex flex-wrap justify-between gap-2">
                  <span className={finishedLate ? "" : "font-medium"}>{DEADLINE_LABELS[d.kind]}</span>
                  <span>{status.text}</span>
                </div>
                <p className="text-sm">
                  Fra {formatNorwegianDate(d.from)} · frist {formatNorwegianDate(d.due)}
                  {d.unit === "working_days" ? ` (${d.durationDays} virkedager)` : ` (${d.durationDays} dager)`}
                  {d.completedOn && ` · fullført ${formatNorwegianDate(d.completedOn)}`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
