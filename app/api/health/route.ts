/** Liveness for load balancers: the process answers. No database, no session (lib/health.ts). */
import { livenessResponse } from "@/lib/health";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return livenessResponse();
}
