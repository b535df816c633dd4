// A synthetic EPJ extract for the benchmarks (bench:check, bench:import):
// pathways told by the demo seed's stories (about 5.5 events each), valid
// synthetic national ids, written through the one EPJ writer, rows shuffled
// as an extract in arbitrary order would be.
import { createWriteStream } from "node:fs";
import { makeNationalId } from "@/domain/national-id";
import type { PathwayType } from "@/domain/rules";
import { addCalendarDays } from "@/domain/rules/calendar";
import { EPJ_EXPORT_COLUMNS, epjCsvHeader, epjCsvLine } from "@/lib/epj-csv";
import type { EpjColumn, EpjRow } from "@/lib/epj-csv";
import { pathwayStory } from "@/server/seed/pathway-story";
import { mulberry32, weighted } from "@/server/seed/random";

const TYPES: [PathwayType, number][] = [["D11", 95], ["D12", 35], ["D01", 16], ["D06", 4], ["D07", 2], ["D08", 1], ["D09", 1]];

/** Writes the extract; resolves with its row count. */
export async function writeSyntheticExtract(path: string, pathways: number, today: string, columns: readonly EpjColumn[] = EPJ_EXPORT_COLUMNS, seed = 19): Promise<number> {
  const rng = mulberry32(seed);
  const rows: Partial<EpjRow>[] = [];
  for (let i = 0; i < pathways; i++) {
    const type = weighted(rng, TYPES);
    const setting = rng() < 0.9 ? "poliklinikk" : "dogn";
    const story = pathwayStory(rng, type, setting, today);
    const nationalId = makeNationalId(addCalendarDays("1940-01-01", i % 20_000), 7 * Math.floor(i / 20_000), { synthetic: true });
    const common = { pathway_id: `EPJ-${i}`, patient_id: `P${i}`, national_id: nationalId, patient_name: `Syntetisk Pasient ${i}`, type, setting, referral_received: story.referralReceived };
    story.events.forEach((e, j) => rows.push({ ...common, event_id: `EPJ-${i}-${j}`, date: e.date, code: `${type}${e.code}`, outcome: e.outcome ?? "" }));
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  await write(epjCsvHeader(columns));
  let batch = "";
  for (const row of rows) {
    batch += epjCsvLine(row, columns);
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return rows.length;
}
