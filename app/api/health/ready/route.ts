/**
 * Readiness for load balancers and orchestrators: database, migrations, email outbox
 * (lib/health.ts). No session: proxy.ts lets /api/ through, and the answer holds no data.
 */
import { readinessResponse } from "@/lib/health";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readinessResponse();
}
