import { apiRoute } from "@/server/api/handler";
import { createClient } from "@/server/clients/create";
import { createClientOperation } from "@/server/clients/create.operation";
import { listClients } from "@/server/clients/list";
import { listClientsOperation } from "@/server/clients/list.operation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listClientsOperation, async (actor) => ({ status: 200, body: { items: await listClients(actor) } }));

export const POST = apiRoute(createClientOperation, async (actor, { body }) => ({ status: 201, body: await createClient(actor, body) }));
