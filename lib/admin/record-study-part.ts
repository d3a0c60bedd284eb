/**
 * Audit + live event for a part of a study's setup (a visit-schedule item, a sponsor grant). The
 * audit row names the part itself; the live event announces the study, which is what subscribers
 * re-read. Same transaction as the change, like recordChange() in lib/write.ts.
 */
import type { DbOrTx } from "@/db";
import type { Actor } from "../actor";
import { appendAudit, diffChanges } from "../audit";
import { notifyChange } from "../live/notify";

export async function recordStudyPartChange(
  tx: DbOrTx,
  actor: Actor,
  change: {
    entity: "visit_schedule_item" | "study_sponsor_access";
    entityId: string;
    study: { id: string; siteId: string };
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
    reason?: string | null;
  },
): Promise<void> {
  await appendAudit(tx, {
    actor,
    siteId: change.study.siteId,
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    changes: diffChanges(change.before, change.after),
    reason: change.reason ?? null,
  });
  await notifyChange(tx, { type: "updated", entity: "study", id: change.study.id, siteId: change.study.siteId, studyId: change.study.id });
}
