// The coordinator's worklist (arbeidsliste): which actions a pathway needs.
export { WORKLIST_REASONS, WORKLIST_RULES, REASON_LABELS } from "./rules";
export type { WorklistReason } from "./rules";
export { worklistItems, noticeKey } from "./items";
export type { WorklistItemDraft, WorklistContext } from "./items";
export { describeItem, daysLeft } from "./describe";
export type { DescribableItem } from "./describe";
