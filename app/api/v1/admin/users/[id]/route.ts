import { apiRoute } from "@/server/api/handler";
import { updateUser } from "@/server/admin/users/service";
import { updateAdminUserOperation } from "@/server/admin/users/update.operation";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(updateAdminUserOperation, async (actor, { params, body }) => ({ status: 200, body: await updateUser(actor, params.id, body) }));
