import { describe, expect, it } from "vitest";
import type { Role } from "@/domain/permissions";
import type { Actor } from "@/server/auth/current-user";
import { NotFoundError } from "@/server/errors";
import { annulEvent } from "@/server/events/annul";
import { previewRegistration, registerEvent } from "@/server/events/register";
import { assignClinician } from "@/server/pathways/assign";
import { recomputeDerived } from "@/server/pathways/derived";
import { getPathwayDetail } from "@/server/pathways/detail";
import { explainNotice, postponeItem } from "@/server/worklist/row-actions";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// A request for another unit's pathway or event stays a 404 and writes an
// ACCESS_DENIED audit row naming what was asked for (issue 13, item 6), for
// every role that can reach the action.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

async function setup() {
  const [own, other] = [await makeUnit(db()), await makeUnit(db(), "BUP")];
  const owner = await makeActor(db(), "CLINICIAN", [other.id]);
  // C without M: a notice on the other unit's worklist; basis assessment overdue
  const pathway = await makePathway(db(), other.id, owner.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "P", "2026-11-01"]]);
  await recomputeDerived(db(), pathway.id, TODAY);
  const item = await db().worklistItem.findFirstOrThrow({ where: { pathwayId: pathway.id } });
  const notice = await db().worklistItem.findFirst({ where: { pathwayId: pathway.id, noticeId: { not: null } } });
  return { own, other, pathway, event: pathway.events[0], itemKey: item.key, noticeKey: notice?.key ?? item.key };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function deniedRows(actor: Actor) {
  return db().auditEvent.findMany({ where: { userId: actor.user.id, action: "ACCESS_DENIED" }, orderBy: { id: "asc" } });
}

const attempts: [string, Role[], string, (actor: Actor, s: Setup) => Promise<unknown>, "pathway" | "event"][] = [
  ["the pathway page / GET /api/v1/pathways/{id}", ["CLINICIAN", "COORDINATOR", "LEADER"], "patient.read", (a, s) => getPathwayDetail(a, s.pathway.id, TODAY), "pathway"],
  ["registering a code", ["CLINICIAN", "COORDINATOR"], "event.create", (a, s) => registerEvent(a, s.pathway.id, { code: "X", date: "2026-11-20" } as never, TODAY), "pathway"],
  ["previewing a code", ["CLINICIAN", "COORDINATOR"], "event.create", (a, s) => previewRegistration(a, s.pathway.id, { code: "X", date: "2026-11-20" } as never, TODAY), "pathway"],
  ["annulling an event", ["CLINICIAN", "COORDINATOR"], "event.annul", (a, s) => annulEvent(a, s.event.id, { reason: "Feil kode" }, TODAY), "event"],
  ["assigning a clinician", ["COORDINATOR"], "pathway.assign", (a, s) => assignClinician(a, { pathwayId: s.pathway.id, clinicianId: "" }), "pathway"],
  ["explaining a notice", ["CLINICIAN", "COORDINATOR"], "notice.explain", (a, s) => explainNotice(a, { pathwayId: s.pathway.id, noticeKey: s.noticeKey, justification: "Forklaring" }, TODAY), "pathway"],
  ["postponing a worklist row", ["COORDINATOR"], "worklist.postpone", (a, s) => postponeItem(a, { pathwayId: s.pathway.id, itemKey: s.itemKey, until: "2026-12-01", reason: "Venter" }, TODAY), "pathway"],
];

describe("a denied attempt on another unit's record", () => {
  it.each(attempts)("%s: 404 for %j, and an ACCESS_DENIED row naming the patient", async (_label, roles, attempted, attempt, kind) => {
    const s = await setup();
    for (const role of roles) {
      const actor = await makeActor(db(), role, [s.own.id]);
      await expect(attempt(actor, s)).rejects.toBeInstanceOf(NotFoundError);
      const rows = await deniedRows(actor);
      expect(rows, role).toHaveLength(1);
      expect(rows[0], role).toMatchObject({
        patientId: s.pathway.patientId,
        pathwayId: s.pathway.id,
        ip: "10.0.0.1",
        userAgent: "vitest",
        detail: { record: kind, id: kind === "event" ? s.event.id : s.pathway.id, attempted, exists: true },
      });
    }
    // nothing was done or shown: no other audit row names the pathway
    expect(await db().auditEvent.count({ where: { pathwayId: s.pathway.id, action: { not: "ACCESS_DENIED" } } })).toBe(0);
    expect(await db().pathwayEvent.count({ where: { pathwayId: s.pathway.id, annulledAt: { not: null } } })).toBe(0);
  });

  it("an id that names no record is audited with the id asked for and no patient", async () => {
    const s = await setup();
    const actor = await makeActor(db(), "COORDINATOR", [s.own.id]);
    await expect(getPathwayDetail(actor, "c00000000000000000000none", TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(annulEvent(actor, "c00000000000000000000gone", { reason: "Feil kode" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const rows = await deniedRows(actor);
    expect(rows.map((r) => [r.patientId, r.pathwayId, r.detail])).toEqual([
      [null, null, { record: "pathway", id: "c00000000000000000000none", attempted: "patient.read", exists: false }],
      [null, null, { record: "event", id: "c00000000000000000000gone", attempted: "event.annul", exists: false }],
    ]);
    // a value that cannot be an id is not stored
    await expect(getPathwayDetail(actor, "'; DROP TABLE \"Pathway\"; --\u0000", TODAY)).rejects.toBeInstanceOf(NotFoundError);
    expect(await deniedRows(actor)).toHaveLength(2);
  });

  it("a row of my own unit that is no longer there is not a denied attempt", async () => {
    const s = await setup();
    const coordinator = await makeActor(db(), "COORDINATOR", [s.other.id]);
    await expect(postponeItem(coordinator, { pathwayId: s.pathway.id, itemKey: "deadline:gone:2026-01-01", until: "2026-12-01", reason: "Venter" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    expect(await deniedRows(coordinator)).toHaveLength(0);
  });
});
