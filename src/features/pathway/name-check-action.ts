"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { actionClient, checkedBy } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { checkPatientName, nameCheckSchema } from "@/server/patients/name-check";

// The coordinator's answer to a name discrepancy on the pathway page.
export type NameCheckResult = { ok: true; resolved: boolean; message: string } | ActionFailure;

export const checkPatientNameAction = actionClient("patient.name.check")
  .schema(z.tuple([checkedBy(nameCheckSchema)]))
  .action(async ({ actor, args: [input] }): Promise<NameCheckResult> => {
    const { resolved } = await checkPatientName(actor, input);
    revalidatePath(`/forlop/${input.pathwayId}`);
    return {
      ok: true,
      resolved,
      message: resolved
        ? "Navnet stemmer med navnet som er registrert på fødselsnummeret. Avviket er løst."
        : "Navnet er lagret for dette forløpet. Det avviker fortsatt fra navnet som er registrert på fødselsnummeret; meld avviket til den som forvalter pasientregisteret.",
    };
  });
