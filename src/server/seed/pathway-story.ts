import { addCalendarDays, daysBetween, durationsInForce, type PathwayType, type Setting } from "@/domain/rules";
import type { IsoDate } from "@/lib/dates";
import { between, chance, weighted, type Rng } from "./random";

// One synthetic pathway's life story relative to today: referral, start,
// first attendance, decisions, feedback, evaluations, delays, closing, and a
// few realistic coding errors. Events after today are cut off.

export interface StoryEvent {
  code: string;
  /** C's decision, U's activity, X's closing outcome */
  outcome?: string;
  date: IsoDate;
}

export interface Story {
  referralReceived: IsoDate;
  events: StoryEvent[];
}

const TREATMENT: Record<PathwayType, string> = { D01: "T", D09: "T", D11: "P", D12: "P", D06: "P", D07: "P", D08: "P" };

/** Share of treated pathways with each involvement activity (U): plan 31 %, informed 33 %, feedback tool 8 %. */
const INVOLVEMENT_SHARES: [string, number][] = [["BP", 0.31], ["IB", 0.33], ["TV", 0.08]];

/** Days used for an interval of `norm` days: ~70 % within, a tail of late ones. */
function spent(rng: Rng, norm: number, withinShare: number): number {
  if (chance(rng, withinShare)) return between(rng, Math.max(1, Math.round(norm * 0.4)), norm);
  return norm + weighted(rng, [[between(rng, 1, 7), 5], [between(rng, 8, 14), 3], [between(rng, 15, 28), 2], [between(rng, 29, 60), 1]]);
}

/** `spanDays`: how far back referrals reach (the generator spreads three years). */
export function pathwayStory(rng: Rng, type: PathwayType, setting: Setting, today: IsoDate, spanDays = 420): Story {
  const referralReceived = addCalendarDays(today, -between(rng, 0, spanDays));
  const events: StoryEvent[] = [];
  const push = (e: StoryEvent) => events.push(e);
  const norms = durationsInForce(type, setting, referralReceived)?.durations ?? {};
  const startDate = addCalendarDays(referralReceived, chance(rng, 0.85) ? between(rng, 1, 12) : between(rng, 15, 25));
  const missingStart = chance(rng, 0.02);
  if (!missingStart) push({ code: "A", date: startDate });

  const mDate = addCalendarDays(startDate, between(rng, 2, Math.min(30, norms.firstAttendance ?? 30)));
  const cWithoutM = chance(rng, 0.03);
  if (!cWithoutM) push({ code: "M", date: mDate });

  const basis = norms.basisAssessment ?? 42;
  const delayed = chance(rng, 0.08);
  if (delayed) push({ code: "L", date: addCalendarDays(mDate, between(rng, 5, basis - 2)) });
  let cDate = addCalendarDays(mDate, spent(rng, basis, delayed ? 0.3 : 0.72));
  let outcome = weighted(rng, [
    ["U", type === "D11" || type === "D12" ? 18 : 3],
    ["N", type === "D12" ? 10 : 0],
    [TREATMENT[type], 55],
    ["K", 10],
    ["I", 7],
    ["S", 3],
    ["A", type === "D12" ? 5 : 2],
  ]);
  push({ code: "C", outcome, date: cDate });
  if (chance(rng, 0.8)) push({ code: "F", date: addCalendarDays(cDate, between(rng, 1, 20)) });

  if (outcome === "U" || outcome === "N") {
    const extended = norms.extendedAssessment ?? 42;
    cDate = addCalendarDays(cDate, spent(rng, extended, 0.65));
    outcome = weighted(rng, [[TREATMENT[type], 70], ["K", 15], ["I", 10], ["A", 5]]);
    push({ code: "C", outcome, date: cDate });
    if (chance(rng, 0.7)) push({ code: "F", date: addCalendarDays(cDate, between(rng, 1, 20)) });
    if (chance(rng, 0.01)) push({ code: "C", outcome: "P", date: addCalendarDays(cDate, 3) }); // a third C (coding error)
  }

  if (outcome === "P" || outcome === "T") {
    let eDate = addCalendarDays(cDate, spent(rng, norms.firstEvaluation ?? 84, 0.42));
    for (let i = 0; i < 8 && daysBetween(eDate, today) >= 0; i++) {
      push({ code: "E", date: eDate });
      eDate = addCalendarDays(eDate, spent(rng, norms.evaluation ?? 84, 0.6));
    }
    // the involvement activities at about the national levels of 2020 (seed 001)
    for (const [activity, share] of INVOLVEMENT_SHARES) {
      if (chance(rng, share)) push({ code: "U", outcome: activity, date: addCalendarDays(cDate, between(rng, 1, 40)) });
    }
    if (chance(rng, 0.25)) push({ code: "X", outcome: outcome, date: addCalendarDays(cDate, between(rng, 120, 400)) });
  } else if (chance(rng, 0.8)) {
    push({ code: "X", outcome: outcome, date: addCalendarDays(cDate, between(rng, 1, 30)) });
  }

  return { referralReceived, events: events.filter((e) => e.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
}
