"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { formatNorwegianDate } from "@/lib/dates";
import { today } from "@/server/clock";
import { actionClient } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { assignClinician, assignClinicianBulk } from "@/server/pathways/assign";
import { unitOptionsFor } from "@/server/units/options";
import { explainNotice, postponeItem, undoPostponement } from "@/server/worklist/row-actions";
import { assignSchema, bulkAssignSchema, explainSchema, postponeSchema, undoPostponementSchema } from "@/server/worklist/schemas";

// Server actions behind the worklist's row forms. Each returns a Norwegian
// message for the form; the services do the checks and the transaction.

export type RowActionResult = { ok: true; message: string } | ActionFailure;
export type UnitClinicians = { id: string; name: string; clinicians: { id: string; name: string }[] };

/**
 * Those who may be responsible for patients in the user's units: asked for
 * when a list of them is about to be shown (the filter's select, a row's
 * assign form, the bulk assign), not sent with every view of the page.
 */
export const worklistCliniciansAction = actionClient("worklist.view")
  .schema(z.tuple([z.strictObject({ all: z.literal(true) })]))
  .action(async ({ actor }): Promise<{ ok: true; units: UnitClinicians[] } | ActionFailure> => {
    const units = await unitOptionsFor(actor);
    return { ok: true, units: units.map((u) => ({ id: u.id, name: u.name, clinicians: u.clinicians })) };
  });

function done(message: string): RowActionResult {
  revalidatePath("/arbeidsliste");
  revalidatePath("/arbeidsliste/utsatt");
  return { ok: true, message };
}

export const assignClinicianAction = actionClient("pathway.assign")
  .schema(z.tuple([assignSchema]))
  .action(async ({ actor, args: [input] }) => {
    const result = await assignClinician(actor, { ...input, clinicianId: input.clinicianId ?? "" });
    revalidatePath(`/forlop/${result.pathwayId}`);
    revalidatePath("/mine-pasienter");
    return done(result.clinicianId ? "Ansvarlig behandler er endret." : "Forløpet har ikke lenger ansvarlig behandler.");
  });

export const bulkAssignAction = actionClient("pathway.assign")
  .schema(z.tuple([bulkAssignSchema]))
  .action(async ({ actor, args: [input] }) => {
    const result = await assignClinicianBulk(actor, input);
    revalidatePath("/mine-pasienter");
    return done(result.count === 1 ? "Ansvarlig behandler er endret for 1 forløp." : `Ansvarlig behandler er endret for ${result.count} forløp.`);
  });

export const explainNoticeAction = actionClient("notice.explain")
  .schema(z.tuple([explainSchema]))
  .action(async ({ actor, args: [input] }) => {
    await explainNotice(actor, input, today());
    return done("Oppmerksomheten er forklart og fjernet fra arbeidslisten.");
  });

export const postponeItemAction = actionClient("worklist.postpone")
  .schema(z.tuple([postponeSchema]))
  .action(async ({ actor, args: [input] }) => {
    const result = await postponeItem(actor, input, today());
    return done(`Raden er utsatt til ${formatNorwegianDate(result.until)}.`);
  });

export const undoPostponementAction = actionClient("worklist.postpone")
  .schema(z.tuple([undoPostponementSchema]))
  .action(async ({ actor, args: [input] }) => {
    await undoPostponement(actor, input, today());
    return done("Utsettelsen er angret, og raden er tilbake på arbeidslisten.");
  });
