"use server";
import { revalidatePath } from "next/cache";
import { formatNorwegianDate } from "@/lib/dates";
import { requireActor } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { toActionFailure, type ActionFailure } from "@/server/actions/result";
import { assignClinician } from "@/server/pathways/assign";
import { explainNotice, postponeItem } from "@/server/worklist/row-actions";

// Server actions behind the worklist's row forms. Each returns a Norwegian
// message for the form; the services do the checks and the transaction.

export type RowActionResult = { ok: true; message: string } | ActionFailure;

async function run(action: () => Promise<string>): Promise<RowActionResult> {
  try {
    const message = await action();
    revalidatePath("/arbeidsliste");
    return { ok: true, message };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function assignClinicianAction(input: { pathwayId: string; clinicianId: string }): Promise<RowActionResult> {
  return run(async () => {
    const actor = await requireActor("pathway.assign");
    const result = await assignClinician(actor, input);
    revalidatePath(`/forlop/${result.pathwayId}`);
    revalidatePath("/mine-pasienter");
    return result.clinicianId ? "Ansvarlig behandler er endret." : "Forløpet har ikke lenger ansvarlig behandler.";
  });
}

export async function explainNoticeAction(input: { pathwayId: string; noticeKey: string; justification: string }): Promise<RowActionResult> {
  return run(async () => {
    const actor = await requireActor("notice.explain");
    await explainNotice(actor, input, today());
    return "Merknaden er forklart og fjernet fra arbeidslisten.";
  });
}

export async function postponeItemAction(input: { pathwayId: string; itemKey: string; until: string; reason: string }): Promise<RowActionResult> {
  return run(async () => {
    const actor = await requireActor("worklist.postpone");
    const result = await postponeItem(actor, input, today());
    return `Raden er utsatt til ${formatNorwegianDate(result.until)}.`;
  });
}
