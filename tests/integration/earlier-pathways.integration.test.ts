import { describe, expect, it } from "vitest";
import { earlierPathways } from "@/server/pathways/earlier";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// The pathway page's "Tidligere forløp" (issue 17): the patient's earlier
// pathways, only those in the viewer's units, with how each ended.
const { db } = useAppDatabase();

describe("earlier pathways on the pathway page", () => {
  it("lists the patient's earlier pathways in the viewer's units only (not another unit's, not later ones), with how they ended", async () => {
    const own = await makeUnit(db());
    const other = await makeUnit(db());
    const clinician = await makeActor(db(), "CLINICIAN", [own.id]);
    const current = await makePathway(db(), own.id, clinician.user.id, [["A", null, "2026-09-03"]]);
    const closed = await makePathway(db(), own.id, clinician.user.id, [["A", null, "2025-01-10"], ["M", null, "2025-01-20"], ["C", "K", "2025-02-10"], ["X", "K", "2025-03-01"]]);
    const elsewhere = await makePathway(db(), other.id, clinician.user.id, [["A", null, "2025-06-01"]]);
    const later = await makePathway(db(), own.id, clinician.user.id, []);
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    await db().pathway.update({ where: { id: closed.id }, data: { patientId: current.patientId, openedDate: d("2025-01-10"), closedDate: d("2025-03-01"), status: "CLOSED", phase: "closed" } });
    await db().pathway.update({ where: { id: elsewhere.id }, data: { patientId: current.patientId, openedDate: d("2025-06-01") } });
    await db().pathway.update({ where: { id: later.id }, data: { patientId: current.patientId, openedDate: d("2026-10-01") } });

    const rows = await earlierPathways(clinician, current);
    expect(rows).toEqual([
      {
        id: closed.id,
        openedOn: "2025-01-10",
        type: "D11",
        unitName: own.name,
        ending: "Avsluttet 01.03.2025 etter klinisk beslutning K – behov for oppfølging fra fastlege eller kommunen",
      },
    ]);
  });
});
