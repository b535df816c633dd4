import "server-only";
import { kindsFor, NOTIFICATION_KINDS, NOTIFICATION_RULES, type NotificationKind } from "@/domain/notifications";
import { DIGEST_TIME_PATTERN } from "@/domain/notifications/schedule";
import { z } from "@/lib/zod";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";
import { env } from "@/server/env";
import { sqlOf } from "@/server/sql";
import { forgetKeptCounts } from "./header-count";

// Innstillinger: a user's horizon and daily digest. No row means the defaults
// (digest off, 07:30, every kind the role has, 7 days).

export interface NotificationSettingsView {
  digestEnabled: boolean;
  digestTime: string;
  digestKinds: NotificationKind[];
  horizonDays: number;
}

/** The digest can only be sent when the server has an SMTP server. */
export function digestAvailable(): boolean {
  return env("SMTP_URL") !== undefined;
}

export async function getNotificationSettings(actor: Actor): Promise<NotificationSettingsView> {
  assertCan(actor.user, "notifications.view");
  const own = kindsFor(actor.user.role);
  const row = await prisma.notificationSettings.findUnique({ where: { userId: actor.user.id } });
  if (!row) return { digestEnabled: false, digestTime: NOTIFICATION_RULES.defaultDigestTime, digestKinds: own, horizonDays: NOTIFICATION_RULES.defaultHorizonDays };
  return {
    digestEnabled: row.digestEnabled,
    digestTime: row.digestTime,
    digestKinds: own.filter((k) => row.digestKinds.includes(k)),
    horizonDays: row.horizonDays,
  };
}

export const settingsSchema = z.object({
  digestEnabled: z.boolean(),
  digestTime: z.string().regex(DIGEST_TIME_PATTERN, "Skriv klokkeslettet som tt:mm, for eksempel 07:30."),
  digestKinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
  // a number, or the form field's digits (never coerced from other shapes: [] is not 0)
  horizonDays: z
    .union([z.number(), z.string().trim().regex(/^\d{1,3}$/, "Skriv antall dager som et tall.").transform(Number)], { error: "Skriv antall dager som et tall." })
    .pipe(
      z
        .number()
        .int("Skriv antall dager som et helt tall.")
        .min(0, "Horisonten kan ikke være negativ.")
        .max(NOTIFICATION_RULES.maxHorizonDays, `Horisonten kan være høyst ${NOTIFICATION_RULES.maxHorizonDays} dager.`),
    ),
});

export async function saveNotificationSettings(actor: Actor, input: z.input<typeof settingsSchema>): Promise<NotificationSettingsView> {
  assertCan(actor.user, "notifications.view");
  const parsed = settingsSchema.parse(input);
  const own = kindsFor(actor.user.role);
  const data = {
    // without SMTP the digest stays off (the page says so)
    digestEnabled: parsed.digestEnabled && digestAvailable(),
    digestTime: parsed.digestTime,
    digestKinds: own.filter((k) => parsed.digestKinds.includes(k)),
    horizonDays: parsed.horizonDays,
  };
  await prisma.$transaction(async (tx) => {
    await tx.notificationSettings.upsert({ where: { userId: actor.user.id }, create: { userId: actor.user.id, ...data }, update: data });
    // another horizon, another count in the header
    await sqlOf(tx).run(forgetKeptCounts(actor.user.id));
  });
  return data;
}
