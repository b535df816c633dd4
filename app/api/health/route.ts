import { apiRoute } from "@/server/api/handler";
import { health } from "@/server/health";
import { healthOperation } from "@/server/health.operation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(healthOperation, () => health());
