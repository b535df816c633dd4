"use server";
import { requireActor } from "@/server/auth/guard";
import { toActionFailure, type ActionFailure } from "@/server/actions/result";
import { listOwnPathways, type OwnPathwayRow } from "@/server/pathways/own-list";

// The search of "Mine pasienter" is a POST (server action), not a ?q= in the
// address: a typed patient name must not end up in browser history, proxy
// logs or the Referer of the next request.

export type OwnListSearchResult = { ok: true; rows: OwnPathwayRow[] } | ActionFailure;

export async function searchOwnPathwaysAction(input: { q: string }): Promise<OwnListSearchResult> {
  try {
    const actor = await requireActor("pathway.list.own");
    return { ok: true, rows: await listOwnPathways(actor, input) };
  } catch (error) {
    return toActionFailure(error);
  }
}
