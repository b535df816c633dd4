import { z } from "@/lib/zod";
import { DEADLINE_LABELS, NOTICE_MESSAGES, PATHWAY_TYPES, PHASE_LABELS, type DeadlineKind, type NoticeId, type Phase } from "@/domain/rules";
import { isoDate } from "@/server/api/schemas";

// The rules engine's verdict on a pathway as the API answers it (pathway
// detail, registration, annulment). Lists come from the domain's own tables.

const keys = <K extends string>(table: Record<K, unknown>) => Object.keys(table) as [K, ...K[]];

export const pathwayTypeSchema = z.enum(PATHWAY_TYPES).meta({ description: "Pakkeforløp type (D01 TSB, D11 voksne, D12 barn og unge, D06, D07, D08, D09)" });
export const phaseSchema = z.enum(keys<Phase>(PHASE_LABELS));
export const deadlineKindSchema = z.enum(keys<DeadlineKind>(DEADLINE_LABELS));
export const noticeIdSchema = z.enum(keys<NoticeId>(NOTICE_MESSAGES));

export const deadlineSchema = z.object({
  kind: deadlineKindSchema,
  from: isoDate,
  due: isoDate,
  completedOn: isoDate.nullable(),
  met: z.boolean().nullable().meta({ description: "null while open" }),
  daysLate: z.number().int(),
  cause: z.enum(["patient", "service"]).nullable().meta({ description: "who caused a late completion, when recorded" }),
  durationDays: z.number().int(),
  unit: z.enum(["calendar_days", "working_days"]),
  unconfirmed: z.boolean().meta({ description: "the duration comes from a table not yet confirmed against the official source" }),
});

export const noticeSchema = z.object({
  id: noticeIdSchema,
  date: isoDate,
  message: z.string().meta({ description: "Norwegian text (NPR's own for the first eight)" }),
  eventId: z.string().nullable(),
});

export const expectedCodeSchema = z.object({
  code: z.string(),
  outcome: z.string().optional(),
  label: z.string(),
});

export const evaluationSchema = z.object({
  pathwayId: z.string(),
  type: pathwayTypeSchema,
  setting: z.enum(["poliklinikk", "dogn"]),
  phase: phaseSchema,
  startedOn: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  deadlines: z.array(deadlineSchema),
  notices: z.array(noticeSchema),
  nextDeadline: deadlineSchema.nullable(),
  nextExpectedCodes: z.array(expectedCodeSchema),
  eventCount: z.number().int(),
  lastEventDate: isoDate.nullable(),
  eventDates: z.array(isoDate),
  treatmentDecisionDates: z.array(isoDate).readonly(),
  activities: z.array(z.object({ date: isoDate, code: z.string() })).readonly(),
});
