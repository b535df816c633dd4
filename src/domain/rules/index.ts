// The rules engine: deadlines, notices, phases and indicators for pakkeforløp
// psykisk helse og rus. Pure TypeScript: no I/O, no clock ("today" is a parameter).
export { addWorkingDays, addCalendarDays, daysBetween, isNorwegianPublicHoliday, isWorkingDay, easterSunday, isValidIsoDate } from "./calendar";
export {
  ACTIVITY_VALUES, CLINICAL_ORDER, DECISION_OUTCOMES, EVENT_DEFINITIONS, PATHWAY_NAMES, PATHWAY_TYPES,
  parseCode, invalidForType, typePrefixOf,
} from "./codes";
export type { CodeBook, PathwayType, EventLetter, DecisionOutcome, EventDefinition, InvolvementIndicator, OutcomeDefinition, OutcomeList, ParsedCode } from "./codes";
export { DURATION_TABLES, durationsInForce, REFERRAL_ASSESSMENT_WORKING_DAYS } from "./durations";
export {
  BUILT_IN_FROM, codeBookOn, DEFAULT_CODE_BOOK, DEFAULT_RULE_TABLES, DEFAULT_WORKLIST_THRESHOLDS, OUTCOME_LIST_LETTERS, versionInForce, worklistThresholdsOn,
} from "./rule-tables";
export type { OutcomeListLetter, RuleTables, RuleVersion, WorklistThresholds } from "./rule-tables";
export type { Setting, DurationRow, DurationSet } from "./durations";
export { DEADLINE_LABELS, NOTICE_MESSAGES, PHASE_LABELS } from "./labels";
export type { DeadlineKind, NoticeId, Phase } from "./labels";
export type { Deadline, EventInput, ExpectedCode, Notice, PathwayEvaluation, PathwayInput } from "./types";
export { evaluatePathway } from "./evaluate";
export { previewEvent } from "./preview";
export { concurrentNotices } from "./concurrent";
export type { PathwaySpan } from "./concurrent";
export { computeIndicators, countsInIndicators, decidedOn, lateBucket, EXCLUDING_NOTICE_IDS, INDICATOR_KINDS, INVOLVEMENT_ACTIVITY, INVOLVEMENT_INDICATORS } from "./indicators";
export type { Indicators, IndicatorPeriod, LateBucket, Share as InvolvementShare, ShareWithinTime } from "./indicators";
