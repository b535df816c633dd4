import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { makeNationalId } from "@/domain/national-id";
import { referralDueDate, workingDaysLeft } from "@/domain/referrals";
import { addCalendarDays } from "@/domain/rules";
import type { IsoDate } from "@/lib/dates";
import type { Actor } from "@/server/auth/current-user";
import { registerEvent } from "@/server/events/register";
import { assessReferral } from "@/server/referrals/assess";
import { assessReferralBody, registerReferralBody, type AssessReferralInput } from "@/server/referrals/schema";
import { registerReferral } from "@/server/referrals/register";

// The demo's referrals, made through the same services a coordinator's clicks
// call (registration, assessment with its pathway, first attendance): some
// waiting, one a working day from the limit, one over it, assessed and closed
// ones, and one patient whose first attendance came after the legal deadline
// (a fristbrudd).

export interface SeedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  unitIds: string[];
}

const actorOf = (user: SeedUser): Actor => ({ user, meta: { ip: null, userAgent: "demodata" } });

/** The receipt date whose due date is one working day after today. */
function nearLimit(today: IsoDate): IsoDate {
  let received = today;
  while (workingDaysLeft(referralDueDate(received), today) > 1) received = addCalendarDays(received, -1);
  return received;
}

export async function seedReferralFlow(today: IsoDate, coordinator: SeedUser, clinicianId: string, bupCoordinator: SeedUser) {
  let individual = 600;
  const id = (birthDate: string) => makeNationalId(birthDate, individual++, { synthetic: true });
  const kari = actorOf(coordinator);
  const [unitId] = coordinator.unitIds;
  const day = (offset: number) => addCalendarDays(today, offset);
  const register = (actor: Actor, unit: string, name: string, birthDate: string, receivedDate: IsoDate, note: string | null = null) =>
    registerReferral(
      actor,
      registerReferralBody.parse({ nationalId: id(birthDate), patientName: name, unitId: unit, receivedDate, referrerName: "Fastlege Siri Berg", referrerHpr: "9144889", suggestedType: unit === unitId ? "D11" : null, note }),
      today,
    );
  const assess = async (name: string, birthDate: string, received: number, input: AssessReferralInput) => {
    const made = await register(kari, unitId, name, birthDate, day(received));
    return assessReferral(kari, made.id, assessReferralBody.parse(input), today);
  };
  const pathway = { type: "D11" as const, setting: "POLIKLINIKK" as const, responsibleClinicianId: clinicianId };

  await register(kari, unitId, "Nora Nyhenvist", "1994-02-11", day(-2), "Angst og søvnvansker, ønsker samtalebehandling.");
  await register(kari, unitId, "Sander Snartfrist", "1987-06-23", nearLimit(today));
  await register(kari, unitId, "Oda Overtid", "1979-09-30", day(-25), "Purring fra fastlege.");
  await register(actorOf(bupCoordinator), bupCoordinator.unitIds[0], "Iben Ungdom", "2011-05-17", day(-4));

  await assess("Rune Rettighet", "1990-01-19", -12, { assessedDate: day(-5), decision: "right", legalDeadline: day(40), pathway });
  await assess("Nils Behov", "1969-03-08", -16, { assessedDate: day(-9), decision: "need_no_right", pathway });
  await assess("Vera Videresendt", "1958-10-02", -20, { assessedDate: day(-15), decision: "forwarded", reason: "Henvist videre til kommunens psykiske helsetjeneste." });
  await assess("Tor Returnert", "2000-12-12", -9, { assessedDate: day(-6), decision: "returned", reason: "Henvisningen mangler opplysninger om tidligere behandling." });
  const late = await assess("Frida Fristbrudd", "1985-07-07", -70, { assessedDate: day(-62), decision: "right", legalDeadline: day(-35), pathway });
  // the first attendance a week after the legal deadline: a fristbrudd
  await registerEvent(kari, late.pathwayId!, { code: "M", date: day(-28), justification: "Ingen ledig time før fristen." }, today);
}
