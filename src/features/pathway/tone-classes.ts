import type { DeadlineTone } from "@/domain/deadline-text";

// The colours of each tone are classes of app/globals.css (.tone-*): one short
// class per badge, not three utilities, on lists that repeat it per row.
export const TONE_CLASSES: Record<DeadlineTone, string> = {
  ok: "tone-ok",
  warning: "tone-warning",
  late: "tone-late",
  neutral: "tone-neutral",
};
