import type { PathwayType } from "@/domain/rules";
import type { StoryEvent } from "./pathway-story";

// Named, fixed pathways in the DPS unit (the demo coordinator's), with
// `behandler@forlopsvakt.test` responsible, that tests and demos rely on.
// Offsets are days relative to the day the demo data is loaded.

export interface DemoScenario {
  key: string;
  patientName: string;
  birthDate: string;
  type: PathwayType;
  referralOffset: number;
  events: (Omit<StoryEvent, "date"> & { offset: number })[];
  expected: { phase: string; nextDeadlineKind: string | null; daysLate?: number; daysLeft?: number };
  /** the same patient's earlier pathways in the same unit (a re-referral) */
  earlier?: { type: PathwayType; referralOffset: number; events: (Omit<StoryEvent, "date"> & { offset: number })[] }[];
}

export const DEMO_SCENARIOS: DemoScenario[] = [
  {
    key: "basis-late-1",
    patientName: "Astrid Fjellheim",
    birthDate: "1984-04-12",
    type: "D11",
    referralOffset: -56,
    events: [{ code: "A", offset: -52 }, { code: "M", offset: -43 }],
    expected: { phase: "basis_assessment", nextDeadlineKind: "basis_assessment", daysLate: 1 },
  },
  {
    key: "basis-late-21",
    patientName: "Bjørn Vassbotn",
    birthDate: "1971-09-03",
    type: "D11",
    referralOffset: -75,
    events: [{ code: "A", offset: -70 }, { code: "M", offset: -63 }],
    expected: { phase: "basis_assessment", nextDeadlineKind: "basis_assessment", daysLate: 21 },
  },
  {
    key: "basis-due-5",
    patientName: "Cecilie Brekke",
    birthDate: "1995-01-27",
    type: "D11",
    referralOffset: -48,
    events: [{ code: "A", offset: -44 }, { code: "M", offset: -37 }],
    expected: { phase: "basis_assessment", nextDeadlineKind: "basis_assessment", daysLeft: 5 },
  },
  {
    key: "extended-late-10",
    patientName: "David Skarstein",
    birthDate: "1988-11-30",
    type: "D11",
    referralOffset: -110,
    events: [{ code: "A", offset: -105 }, { code: "M", offset: -94 }, { code: "C", outcome: "U", offset: -52 }, { code: "F", offset: -50 }],
    expected: { phase: "extended_assessment", nextDeadlineKind: "extended_assessment", daysLate: 10 },
  },
  {
    key: "first-evaluation-due-3",
    patientName: "Eva Lindholm",
    birthDate: "1979-06-18",
    type: "D11",
    referralOffset: -140,
    events: [{ code: "A", offset: -135 }, { code: "M", offset: -120 }, { code: "C", outcome: "P", offset: -81 }, { code: "F", offset: -78 }],
    expected: { phase: "treatment", nextDeadlineKind: "first_evaluation", daysLeft: 3 },
  },
  {
    key: "c-without-m",
    patientName: "Frode Aasland",
    birthDate: "1966-02-09",
    type: "D11",
    referralOffset: -35,
    events: [{ code: "A", offset: -30 }, { code: "C", outcome: "P", offset: -10 }],
    expected: { phase: "treatment", nextDeadlineKind: "first_evaluation", daysLeft: 74 },
  },
  {
    key: "patient-delayed",
    patientName: "Gro Myrvang",
    birthDate: "1990-08-22",
    type: "D11",
    referralOffset: -80,
    events: [{ code: "A", offset: -75 }, { code: "M", offset: -70 }, { code: "L", offset: -40 }, { code: "C", outcome: "P", offset: -20 }],
    expected: { phase: "treatment", nextDeadlineKind: "first_evaluation", daysLeft: 64 },
  },
  {
    key: "closed",
    patientName: "Hans Tveiten",
    birthDate: "1958-12-01",
    type: "D11",
    referralOffset: -200,
    events: [{ code: "A", offset: -195 }, { code: "M", offset: -185 }, { code: "C", outcome: "K", offset: -160 }, { code: "F", offset: -158 }, { code: "X", outcome: "K", offset: -150 }],
    expected: { phase: "closed", nextDeadlineKind: null },
  },
  {
    key: "referral-not-assessed",
    patientName: "Ingrid Solbakken",
    birthDate: "2001-03-14",
    type: "D11",
    referralOffset: -21,
    events: [],
    expected: { phase: "awaiting_start", nextDeadlineKind: "referral_assessment" },
  },
  {
    key: "coding-flow",
    patientName: "Kjetil Kodeflyt",
    birthDate: "1982-10-05",
    type: "D11",
    referralOffset: -12,
    events: [{ code: "A", offset: -8 }],
    expected: { phase: "awaiting_first_attendance", nextDeadlineKind: null },
  },
  {
    key: "c-without-m-demo",
    patientName: "Liv Utenmøte",
    birthDate: "1975-05-20",
    type: "D11",
    referralOffset: -14,
    events: [{ code: "A", offset: -10 }],
    expected: { phase: "awaiting_first_attendance", nextDeadlineKind: null },
  },
  {
    key: "re-referral",
    patientName: "Rune Gjentatt",
    birthDate: "1969-04-11",
    type: "D11",
    referralOffset: -20,
    events: [{ code: "A", offset: -15 }, { code: "M", offset: -10 }],
    expected: { phase: "basis_assessment", nextDeadlineKind: "basis_assessment", daysLeft: 32 },
    earlier: [
      {
        type: "D11",
        referralOffset: -400,
        events: [{ code: "A", offset: -395 }, { code: "M", offset: -380 }, { code: "C", outcome: "K", offset: -350 }, { code: "F", offset: -348 }, { code: "X", outcome: "K", offset: -340 }],
      },
    ],
  },
];
