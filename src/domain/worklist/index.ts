// The coordinator's worklist (arbeidsliste): which actions a pathway needs.
export { WORKLIST_REASONS, WORKLIST_RULES, REASON_LABELS } from "./rules";
export type { WorklistReason } from "./rules";
export { worklistItems, noticeKey } from "./items";
export type { WorklistItemDraft, WorklistContext } from "./items";
export { describeItem, daysLeft } from "./describe";
export type { DescribableItem } from "./describe";
export { BY_DATE_RANKS, GROUP_SLUGS, URGENCY_BANDS, WORKLIST_GROUPS, groupOf, groupRank, inGroup, isNoticeReason } from "./urgency";
export type { UrgencyBand, WorklistGroup, WorklistGroupSlug } from "./urgency";
