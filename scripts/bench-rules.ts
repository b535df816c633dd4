// `npm run bench:rules`: national-scale volume through the rules engine.
// Generates ~550 000 pathways / ~3 million events (seed 003's three years),
// then times (1) a baseline that only parses codes and groups events by
// pathway, and (2) the full evaluation of every pathway. One core.
import { evaluatePathway, parseCode, type EventInput, type PathwayInput, type PathwayType } from "@/domain/rules";
import { pathwayStory } from "@/server/seed/pathway-story";
import { mulberry32, weighted } from "@/server/seed/random";

const PATHWAYS = Number(process.argv.find((a) => a.startsWith("--pathways="))?.split("=")[1] ?? 550_000);
const TODAY = "2026-11-22";
const rng = mulberry32(3);
const TYPES: [PathwayType, number][] = [["D11", 95], ["D12", 35], ["D01", 16], ["D06", 4], ["D07", 2], ["D08", 1], ["D09", 1]];

console.log(`Genererer ${PATHWAYS} forløp …`);
const rows: (EventInput & { pathwayId: string })[] = [];
const meta = new Map<string, Omit<PathwayInput, "events">>();
for (let i = 0; i < PATHWAYS; i++) {
  const type = weighted(rng, TYPES);
  const setting = rng() < 0.9 ? "poliklinikk" : "dogn";
  const story = pathwayStory(rng, type, setting, TODAY);
  const id = `p${i}`;
  meta.set(id, { id, type, setting, referralReceived: story.referralReceived });
  story.events.forEach((e, j) => rows.push({ pathwayId: id, id: `${id}e${j}`, code: e.code, outcome: e.outcome ?? null, activityCode: e.activityCode ?? null, date: e.date }));
}
// Shuffle so grouping does real work, as an extract in arbitrary order would.
for (let i = rows.length - 1; i > 0; i--) {
  const j = Math.floor(rng() * (i + 1));
  [rows[i], rows[j]] = [rows[j], rows[i]];
}
console.log(`${rows.length} hendelser.`);

function group(): Map<string, EventInput[]> {
  const byPathway = new Map<string, EventInput[]>();
  for (const row of rows) {
    parseCode(row.code, row.outcome);
    const list = byPathway.get(row.pathwayId);
    if (list) list.push(row);
    else byPathway.set(row.pathwayId, [row]);
  }
  return byPathway;
}

function time<T>(fn: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - started) / 1e9];
}

const [grouped, baseline] = time(group);
const [, full] = time(() => {
  const byPathway = group();
  let notices = 0;
  for (const [id, events] of byPathway) {
    // Fields spelled out, not `{ ...meta, events }`: V8 kept those clones past the
    // young generation, and the extra GC work cost about as much as the evaluation.
    const { type, setting, referralReceived } = meta.get(id)!;
    notices += evaluatePathway({ id, type, setting, referralReceived, events }, TODAY).notices.length;
  }
  return notices;
});
const memory = process.memoryUsage().rss / 1024 / 1024;
console.log(`Grunnlinje (tolke koder og gruppere): ${baseline.toFixed(2)} s`);
console.log(`Full evaluering av ${grouped.size} forløp: ${full.toFixed(2)} s = ${Math.round(grouped.size / full).toLocaleString("nb-NO")} forløp/s`);
console.log(`Forhold til grunnlinjen: ${(full / baseline).toFixed(2)}× (mål ≤ 4×); mål for hele volumet < 5 s: ${full < 5 ? "nådd" : "ikke nådd"}`);
console.log(`Minne (RSS): ${memory.toFixed(0)} MiB`);
