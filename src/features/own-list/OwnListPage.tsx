import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { listOwnPathways } from "@/server/pathways/own-list";
import { OwnListView } from "./OwnListView";

export async function OwnListPage() {
  const actor = await requirePage("pathway.list.own");
  const rows = await listOwnPathways(actor, { q: "" });
  return (
    <section>
      <h1 className="text-2xl font-semibold">Mine pasienter</h1>
      <p className="mt-1 text-slate-700">Dine åpne pakkeforløp, de som haster mest først.</p>
      <OwnListView initialRows={rows} today={today()} />
    </section>
  );
}
