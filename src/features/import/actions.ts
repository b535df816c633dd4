"use server";
import type { CodesRecordedIn } from "@/domain/codes-recorded-in";
import { z } from "@/lib/zod";
import { recordIdSchema } from "@/lib/record-id";
import { EpjCsvFileError } from "@/lib/epj-csv";
import { today } from "@/server/clock";
import { actionClient } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { codesRecordedInOf } from "@/server/units/codes-recorded-in";
import { importUnit, planFileShown, readImportFile, runImportJob, startImportJob, type ImportFile } from "@/server/epj-import/run";

// The import page's server actions: thin, the service (src/server/epj-import)
// decides. The file travels as base64 (its bytes, so invalid UTF-8 is found
// as the CLI finds it); the server's body limit (1 MiB) bounds it, larger
// extracts go through `npm run import`.

const fileArgs = z.object({
  unitId: recordIdSchema("Fant ikke enheten."),
  fileName: z.string().trim().min(1, { error: "Velg en fil." }).max(255, { error: "Filnavnet er for langt (høyst 255 tegn): gi filen et kortere navn." }),
  content: z.string().max(1_400_000, { error: "Filen er for stor for siden: bruk npm run import." }),
});

export interface PlanView {
  sha256: string;
  counts: Record<string, number>;
  refused: { line: number; column: string; message: string }[];
  missing: { pathwayId: string; eventId: string }[];
  pathways: { externalId: string; action: "opprettes" | "oppdateres" | "uendret"; added: number; corrected: number; unchanged: number }[];
  notices: { pathwayId: string; id: string; date: string; message: string }[];
  /** FORLOPSVAKT: the import needs the one-time migration checkbox (codes-recorded-in.ts) */
  codesRecordedIn: CodesRecordedIn;
}

const unusable = (error: EpjCsvFileError): ActionFailure => ({ ok: false, code: "file_unusable", message: `Filen kan ikke brukes. ${error.message}`, fieldErrors: {} });

/** The uploaded file, or the refusal naming its lines when it cannot be used at all. */
async function read(content: string): Promise<{ file: ImportFile } | { failure: ActionFailure }> {
  try {
    return { file: await readImportFile(Buffer.from(content, "base64")) };
  } catch (error) {
    if (error instanceof EpjCsvFileError) return { failure: unusable(error) };
    throw error;
  }
}

export const planImportAction = actionClient("epj.import")
  .schema(z.tuple([fileArgs]))
  .action(async ({ actor, args: [input] }): Promise<{ ok: true; plan: PlanView } | ActionFailure> => {
    const unit = await importUnit(actor, input.unitId);
    const uploaded = await read(input.content);
    if ("failure" in uploaded) return uploaded.failure;
    const { file } = uploaded;
    const plan = await planFileShown(actor, unit.id, file, today());
    return {
      ok: true,
      plan: {
        sha256: file.sha256,
        counts: { ...plan.counts },
        refused: plan.refused,
        missing: plan.missing,
        pathways: plan.pathways.map((p) => ({
          externalId: p.externalId,
          action: p.create ? "opprettes" : p.add.length || p.corrections.length ? "oppdateres" : "uendret",
          added: p.add.length,
          corrected: p.corrections.length,
          unchanged: p.unchanged,
        })),
        notices: plan.notices,
        codesRecordedIn: await codesRecordedInOf(unit.id),
      },
    };
  });

export const startImportAction = actionClient("epj.import")
  .schema(z.tuple([fileArgs.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "Se planen før du importerer." }), migrate: z.boolean().optional() })]))
  .action(async ({ actor, args: [input] }): Promise<{ ok: true; jobId: string } | ActionFailure> => {
    const unit = await importUnit(actor, input.unitId);
    const uploaded = await read(input.content);
    if ("failure" in uploaded) return uploaded.failure;
    const { file } = uploaded;
    if (file.sha256 !== input.sha256) return { ok: false, code: "file_changed", message: "Filen er endret siden planen ble vist. Vis planen på nytt.", fieldErrors: {} };
    const jobId = await startImportJob(actor, unit, input.fileName, file.sha256, { migrate: input.migrate === true });
    // in the background: the page follows the job's stored progress (a reload finds it again)
    void runImportJob(actor, jobId, file, today()).catch(() => {});
    return { ok: true, jobId };
  });
