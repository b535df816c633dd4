"use server";
import { z } from "@/lib/zod";
import { today } from "@/server/clock";
import { createPathway, PathwayAlreadyOpen } from "@/server/pathways/create";
import { createPathwaySchema } from "@/server/pathways/create-schema";
import { actionClient, checkedBy } from "@/server/actions/action-client";
import { toActionFailure, type ActionFailure } from "@/server/actions/result";

export type CreatePathwayResult = { ok: true; pathwayId: string } | (ActionFailure & { existingPathwayId?: string });

export const createPathwayAction = actionClient("pathway.create")
  .schema(z.tuple([checkedBy(createPathwaySchema)]))
  .action(async ({ actor, args: [input] }): Promise<CreatePathwayResult> => {
    try {
      const { pathwayId } = await createPathway(actor, input, today());
      return { ok: true, pathwayId };
    } catch (error) {
      // the open pathway's id lets the form link to it
      if (error instanceof PathwayAlreadyOpen) return { ...toActionFailure(error), existingPathwayId: error.existingPathwayId };
      throw error;
    }
  });
