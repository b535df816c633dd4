import { apiRoute } from "@/server/api/handler";
import { createUnit, listUnits } from "@/server/admin/units/service";
import { listAdminUnitsOperation } from "@/server/admin/units/list.operation";
import { createAdminUnitOperation } from "@/server/admin/units/create.operation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listAdminUnitsOperation, async (actor) => ({
  status: 200,
  body: { items: (await listUnits(actor)).map(({ healthTrust: _, ...unit }) => unit) },
}));

export const POST = apiRoute(createAdminUnitOperation, async (actor, { body }) => ({ status: 201, body: await createUnit(actor, body) }));
