"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { actionClient, checkedBy } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { addRuleTableVersion } from "@/server/rule-tables/add-version";
import { addVersionSchema } from "@/server/rule-tables/schema";

// Adding a version of a rule table row from /admin/regeltabeller: the service
// audits it and starts the recompute in the background.

export type AddVersionResult = { ok: true; message: string } | ActionFailure;

export const addRuleTableVersionAction = actionClient("admin.rules")
  .schema(z.tuple([checkedBy(addVersionSchema)]))
  .action(async ({ actor, args: [input] }): Promise<AddVersionResult> => {
    await addRuleTableVersion(actor, input);
    revalidatePath("/admin/regeltabeller");
    return { ok: true, message: "Den nye versjonen er lagret. Omberegningen av forløpene er startet." };
  });
