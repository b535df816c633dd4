import { apiRoute } from "@/server/api/handler";
import { createUser, listUsers } from "@/server/admin/users/service";
import { listAdminUsersOperation } from "@/server/admin/users/list.operation";
import { createAdminUserOperation } from "@/server/admin/users/create.operation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listAdminUsersOperation, async (actor, { query }) => ({ status: 200, body: { items: await listUsers(actor, query) } }));

export const POST = apiRoute(createAdminUserOperation, async (actor, { body }) => {
  const { id } = await createUser(actor, body);
  return { status: 201, body: { id } };
});
