import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { unitOptionsFor } from "@/server/units/options";
import { NewReferralForm } from "./NewReferralForm";

export async function NewReferralPage() {
  const actor = await requirePage("referral.write");
  const units = await unitOptionsFor(actor);
  return (
    <section className="max-w-3xl">
      <h1 className="text-2xl font-semibold">Registrer henvisning</h1>
      <p className="mt-1 text-slate-700">
        Henvisningen skal vurderes innen 10 virkedager (pasient- og brukerrettighetsloven § 2-2). Pakkeforløpet startes når den vurderes.
      </p>
      <NewReferralForm units={units} today={today()} />
    </section>
  );
}
