/**
 * A subject leaving the study's care (withdrawn, completed, lost to follow-up): every future
 * scheduled visit is canceled with the reason; past ones stay for the coordinator to record as
 * completed or missed. Inside the leaving write's transaction, each visit audited.
 */
import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { visits, type Visit } from "@/db/schema";
import type { Writer } from "../write/road";

export async function cancelFutureVisits(w: Writer, subjectId: string, statusReason: string, reason: string, now: Date): Promise<Visit[]> {
  const future = await w.loadWhere(
    "visit",
    and(eq(visits.subjectId, subjectId), eq(visits.visitStatus, "scheduled"), gt(visits.scheduledAt, now))!,
    { action: "visit.update" },
  );
  return w.updateMany(future, { visitStatus: "canceled", statusReason }, { audit: "cancel", reason });
}
