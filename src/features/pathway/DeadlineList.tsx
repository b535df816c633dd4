import { DEADLINE_LABELS, type Deadline } from "@/domain/rules";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import { deadlineStatus } from "@/domain/deadline-text";
import { TONE_CLASSES } from "./tone-classes";

export function DeadlineList({ deadlines, today }: { deadlines: Deadline[]; today: IsoDate }) {
  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading" className="text-lg font-semibold">Frister</h2>
      {deadlines.length === 0 ? (
        <p className="mt-2 text-sm">Ingen frister ennå. Fristene starter når forløpet har fått sine første koder.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {deadlines.map((d, i) => {
            const status = deadlineStatus(d, today);
            return (
              <li key={`${d.kind}-${i}`} className={`rounded border p-3 ${TONE_CLASSES[status.tone]}`}>
                <div className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">{DEADLINE_LABELS[d.kind]}</span>
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
