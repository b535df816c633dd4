"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { today } from "@/server/clock";
import { actionClient } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { explainNotice } from "@/server/worklist/row-actions";
import { explainSchema } from "@/server/worklist/schemas";

// Explaining a notice from the pathway page (open or closed pathway): the
// same service, rule and audit row as the worklist's form.

export type ExplainResult = { ok: true; message: string } | ActionFailure;

export const explainNoticeOnPathwayAction = actionClient("notice.explain")
  .schema(z.tuple([explainSchema]))
  .action(async ({ actor, args: [input] }): Promise<ExplainResult> => {
    await explainNotice(actor, input, today());
    revalidatePath(`/forlop/${input.pathwayId}`);
    revalidatePath("/arbeidsliste");
    return { ok: true, message: "Oppmerksomheten er forklart." };
  });
