"use server";
import { requireActor } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { createPathway, PathwayAlreadyOpen } from "@/server/pathways/create";
import type { CreatePathwayInput } from "@/server/pathways/create-schema";
import { toActionFailure, type ActionFailure } from "@/server/actions/result";

export type CreatePathwayResult = { ok: true; pathwayId: string } | (ActionFailure & { existingPathwayId?: string });

export async function createPathwayAction(input: CreatePathwayInput): Promise<CreatePathwayResult> {
  try {
    const actor = await requireActor("pathway.create");
    const { pathwayId } = await createPathway(actor, input, today());
    return { ok: true, pathwayId };
  } catch (error) {
    const failure = toActionFailure(error);
    return error instanceof PathwayAlreadyOpen ? { ...failure, existingPathwayId: error.existingPathwayId } : failure;
  }
}
