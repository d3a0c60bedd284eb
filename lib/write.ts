/**
 * The one road every write takes (docs/architecture.md): lib functions validate, authorise via
 * lib/policy.ts, load through a site-scoped query, check the version, write — and then call
 * recordChange(), which appends the audit row and the live notification in the same transaction.
 * Keeping those two together means no write can be audited but not announced, or the reverse.
 */
import { getDb, type DbOrTx, type Tx } from "@/db";
import type { Actor } from "./actor";
import { appendAudit, diffChanges } from "./audit";
import { notifyChange, type ChangeEvent } from "./live/notify";

/** Runs `fn` in one transaction: all of the write, its audit and its notification, or none. */
export async function transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn);
}

type ChangedRecord = { id: string; siteId?: string | null; studyId?: string | null; subjectId?: unknown } & Record<string, unknown>;

export async function recordChange(
  tx: DbOrTx,
  actor: Actor,
  change: {
    entity: ChangeEvent["entity"];
    /** e.g. "create", "update", "enroll", "withdraw", "complete", "cancel", "retire" */
    action: string;
    before: Record<string, unknown> | null;
    after: ChangedRecord;
    reason?: string | null;
    /** Fields to leave out of the audit diff (secrets are redacted anyway). */
    omit?: readonly string[];
  },
): Promise<void> {
  const strip = <T extends Record<string, unknown> | null>(r: T): T => {
    if (!r || !change.omit?.length) return r;
    const copy: Record<string, unknown> = { ...r };
    for (const key of change.omit) delete copy[key];
    return copy as T;
  };
  const siteId = change.after.siteId ?? null;
  // Both statements go out together (pipelined on the transaction's connection: one round trip).
  // The notification is only delivered if the transaction commits anyway; the audit insert takes
  // the hash chain's lock (held until commit), so it goes last and nothing waits on it but COMMIT.
  await Promise.all([
    notifyChange(tx, {
      type: change.before === null ? "created" : change.action === "retire" ? "retired" : "updated",
      entity: change.entity,
      id: change.after.id,
      siteId,
      studyId: change.after.studyId ?? null,
      subjectId: change.entity === "subject" ? change.after.id : typeof change.after.subjectId === "string" ? change.after.subjectId : null,
    }),
    appendAudit(tx, {
      actor,
      siteId,
      entity: change.entity,
      entityId: change.after.id,
      action: change.action,
      changes: diffChanges(strip(change.before), strip(change.after)),
      reason: change.reason ?? null,
    }),
  ]);
}
