export { GET, POST } from "@/auth/route-handlers";
