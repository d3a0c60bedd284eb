/**
 * Change notifications for live subscribers. Sent with pg_notify inside the writing transaction,
 * so PostgreSQL delivers them only if the change commits — to every app instance that LISTENs
 * (PGlite has the same listen/notify within its one process). The payload carries ids only,
 * never personal data: subscribers re-read what they may see through the policy.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";

export const CHANGES_CHANNEL = "trialdesk_changes";

export type ChangeEvent = {
  type: "created" | "updated" | "retired" | "signed";
  entity: "subject" | "screening" | "visit" | "adverse_event" | "subject_note" | "study" | "user" | "site" | "task" | "notification";
  id: string;
  siteId: string | null;
  studyId: string | null;
  /** The subject the record belongs to (its own id for a subject), so a timeline refreshes for its subject only. */
  subjectId?: string | null;
  /** A personal event's one recipient (a notification): nobody else receives it. */
  userId?: string | null;
};

export async function notifyChange(tx: DbOrTx, event: ChangeEvent): Promise<void> {
  const payload = JSON.stringify({ ...event, at: new Date().toISOString() });
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`);
}
