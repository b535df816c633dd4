"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { actionClient } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { markNotificationsRead, markOneReadSchema } from "@/server/notifications/service";
import { saveNotificationSettings, settingsSchema } from "@/server/notifications/settings";

// Varsler: mark one or all read; Innstillinger: save the user's settings.

export type NotificationActionResult = { ok: true; message: string } | ActionFailure;

export const markNotificationReadAction = actionClient("notifications.view")
  .schema(z.tuple([z.strictObject(markOneReadSchema.shape)]))
  .action(async ({ actor, args: [item] }): Promise<NotificationActionResult> => {
    await markNotificationsRead(actor, item);
    revalidatePath("/varsler");
    return { ok: true, message: "Varselet er merket som lest." };
  });

export const markAllNotificationsReadAction = actionClient("notifications.view")
  .schema(z.tuple([z.strictObject({ all: z.literal(true) })]))
  .action(async ({ actor }): Promise<NotificationActionResult> => {
    const n = await markNotificationsRead(actor, { all: true });
    revalidatePath("/varsler");
    return { ok: true, message: n === 1 ? "Ett varsel er merket som lest." : `${n} varsler er merket som lest.` };
  });

export const saveNotificationSettingsAction = actionClient("notifications.view")
  .schema(z.tuple([z.strictObject(settingsSchema.shape)]))
  .action(async ({ actor, args: [input] }): Promise<NotificationActionResult> => {
    await saveNotificationSettings(actor, input);
    revalidatePath("/innstillinger");
    revalidatePath("/varsler");
    return { ok: true, message: "Innstillingene er lagret." };
  });
