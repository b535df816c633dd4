"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { recordIdSchema } from "@/lib/record-id";
import { today } from "@/server/clock";
import { previewRegistration, registerEvent, type RegistrationCheck } from "@/server/events/register";
import { annulEvent, previewReplacement } from "@/server/events/annul";
import { annulSchema } from "@/server/events/annul-schema";
import { registerEventSchema } from "@/server/events/schema";
import { actionClient } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";

export type PreviewResult =
  | { ok: true; summary: string; warnings: { id: string; message: string }[]; cautions: { id: string; message: string }[]; needsJustification: boolean }
  | ActionFailure;

export type SaveResult = { ok: true; summary: string; warnings: { id: string; message: string }[]; duplicate: boolean } | ActionFailure;

/** The preview's answer: the notices the code adds, the cautions (look twice, no justification asked). */
function previewAnswer(check: RegistrationCheck): PreviewResult {
  const plain = ({ id, message }: { id: string; message: string }) => ({ id, message });
  return { ok: true, summary: check.summary, warnings: check.warnings.map(plain), cautions: check.cautions.map(plain), needsJustification: check.needsJustification };
}

const pathwayId = recordIdSchema("Ukjent forløp.");
const eventId = recordIdSchema("Ukjent hendelse.");

export const previewCodeAction = actionClient("event.create")
  .schema(z.tuple([pathwayId, registerEventSchema]))
  .action(async ({ actor, args: [id, input] }): Promise<PreviewResult> => {
    const check = await previewRegistration(actor, id, input, today());
    return previewAnswer(check);
  });

export const registerCodeAction = actionClient("event.create")
  .schema(z.tuple([pathwayId, registerEventSchema]))
  .action(async ({ actor, args: [id, input] }): Promise<SaveResult> => {
    const result = await registerEvent(actor, id, input, today());
    revalidatePath(`/forlop/${id}`);
    return { ok: true, summary: result.summary, warnings: result.warnings.map(({ id, message }) => ({ id, message })), duplicate: result.duplicate };
  });

export const previewReplacementAction = actionClient("event.annul")
  .schema(z.tuple([eventId, z.object({ replacement: annulSchema.shape.replacement.unwrap().unwrap() })]))
  .action(async ({ actor, args: [event, input] }): Promise<PreviewResult> => {
    const check = await previewReplacement(actor, event, input, today());
    return previewAnswer(check);
  });

export const annulEventAction = actionClient("event.annul")
  .schema(z.tuple([pathwayId, eventId, annulSchema]))
  .action(async ({ actor, args: [id, event, input] }): Promise<{ ok: true }> => {
    await annulEvent(actor, event, input, today());
    revalidatePath(`/forlop/${id}`);
    return { ok: true };
  });
