import { apiRoute } from "@/server/api/handler";
import { importJobApi } from "@/server/epj-import/api";
import { importJobOperation } from "@/server/epj-import/detail.operation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(importJobOperation, async (actor, { params }) => ({ status: 200, body: await importJobApi(actor, params.id) }));
