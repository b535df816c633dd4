"use server";
import { z } from "@/lib/zod";
import { actionClient } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { listOwnPathways, ownListQuerySchema, type OwnPathwayRow } from "@/server/pathways/own-list";

// The search of "Mine pasienter" is a POST (server action), not a ?q= in the
// address: a typed patient name must not end up in browser history, proxy
// logs or the Referer of the next request.

export type OwnListSearchResult = { ok: true; rows: OwnPathwayRow[] } | ActionFailure;

export const searchOwnPathwaysAction = actionClient("pathway.list.own")
  // the form always sends q: an object without it, or with other keys, is not a search
  .schema(z.tuple([z.strictObject({ q: ownListQuerySchema.shape.q.unwrap().unwrap() })]))
  .action(async ({ actor, args: [query] }): Promise<OwnListSearchResult> => ({ ok: true, rows: await listOwnPathways(actor, query) }));
