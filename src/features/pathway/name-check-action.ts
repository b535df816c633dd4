"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/guard";
import { toActionFailure, type ActionFailure } from "@/server/actions/result";
import { checkPatientName } from "@/server/patients/name-check";

// The coordinator's answer to a name discrepancy on the pathway page.
export type NameCheckResult = { ok: true; resolved: boolean; message: string } | ActionFailure;

export async function checkPatientNameAction(input: { pathwayId: string; name: string }): Promise<NameCheckResult> {
  try {
    const actor = await requireActor("patient.name.check");
    const { resolved } = await checkPatientName(actor, input);
    revalidatePath(`/forlop/${input.pathwayId}`);
    return {
      ok: true,
      resolved,
      message: resolved
        ? "Navnet stemmer med navnet som er registrert på fødselsnummeret. Avviket er løst."
        : "Navnet er lagret for dette forløpet. Det avviker fortsatt fra navnet som er registrert på fødselsnummeret; meld avviket til den som forvalter pasientregisteret.",
    };
  } catch (error) {
    return toActionFailure(error);
  }
}
