"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { previewRegistration, registerEvent } from "@/server/events/register";
import { annulEvent } from "@/server/events/annul";
import type { RegisterEventInput } from "@/server/events/schema";
import { toActionFailure, type ActionFailure } from "@/server/actions/result";

export type PreviewResult =
  | { ok: true; summary: string; warnings: { id: string; message: string }[]; needsJustification: boolean }
  | ActionFailure;

export type SaveResult = { ok: true; summary: string; warnings: { id: string; message: string }[]; duplicate: boolean } | ActionFailure;

export async function previewCodeAction(pathwayId: string, input: RegisterEventInput): Promise<PreviewResult> {
  try {
    const actor = await requireActor("event.create");
    const check = await previewRegistration(actor, pathwayId, input, today());
    return { ok: true, summary: check.summary, warnings: check.warnings.map(({ id, message }) => ({ id, message })), needsJustification: check.needsJustification };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function registerCodeAction(pathwayId: string, input: RegisterEventInput): Promise<SaveResult> {
  try {
    const actor = await requireActor("event.create");
    const result = await registerEvent(actor, pathwayId, input, today());
    revalidatePath(`/forlop/${pathwayId}`);
    return { ok: true, summary: result.summary, warnings: result.warnings.map(({ id, message }) => ({ id, message })), duplicate: result.duplicate };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function annulEventAction(
  pathwayId: string,
  eventId: string,
  input: { reason: string; replacement?: RegisterEventInput | null },
): Promise<{ ok: true } | ActionFailure> {
  try {
    const actor = await requireActor("event.annul");
    await annulEvent(actor, eventId, input, today());
    revalidatePath(`/forlop/${pathwayId}`);
    return { ok: true };
  } catch (error) {
    return toActionFailure(error);
  }
}
