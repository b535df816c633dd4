import type { DeadlineTone } from "@/domain/deadline-text";

export const TONE_CLASSES: Record<DeadlineTone, string> = {
  ok: "bg-green-50 text-green-900 border-green-300",
  warning: "bg-amber-50 text-amber-950 border-amber-300",
  late: "bg-red-50 text-red-900 border-red-300",
  neutral: "bg-slate-50 text-slate-900 border-slate-300",
};
