import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { unitOptionsFor } from "@/server/units/options";
import { NewPathwayForm } from "./NewPathwayForm";

export async function NewPathwayPage() {
  const actor = await requirePage("pathway.create");
  const units = await unitOptionsFor(actor);
  return (
    <section className="max-w-3xl">
      <h1 className="text-2xl font-semibold">Nytt pakkeforløp</h1>
      <p className="mt-1 text-slate-700">Start et pakkeforløp fra en henvisning. Typene er begrenset til det enheten har.</p>
      <NewPathwayForm units={units} today={today()} currentUserId={actor.user.id} />
    </section>
  );
}
