import { apiRoute } from "@/server/api/handler";
import { revokeClient } from "@/server/clients/revoke";
import { revokeClientOperation } from "@/server/clients/revoke.operation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(revokeClientOperation, async (actor, { params }) => ({ status: 200, body: await revokeClient(actor, params.id) }));
