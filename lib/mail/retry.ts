/**
 * An admin gives a dead email another round of attempts (after fixing SMTP, or the address). The
 * outbox is not a clinical record, so it is not on the write road's audited tables; the retry is
 * still an audited event (recordEvent, in the same transaction as the change), like an export.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { emailOutbox } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ConflictError, NotFoundError } from "../errors";
import { authorize } from "../policy";
import { recordId } from "../validation/fields";
import { recordEvent } from "../write/road";

const retrySchema = z.object({ id: recordId("Choose an email from the outbox.") });

/** Puts a dead row back to pending with a fresh count, due at once. Admins only. */
export async function retryDead(actor: Actor, id: unknown, now: Date = new Date()): Promise<{ id: string; toAddress: string }> {
  authorize(actor, "outbox.manage");
  const data = parseOrThrow(retrySchema, { id });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: emailOutbox.id, status: emailOutbox.status, attempts: emailOutbox.attempts, toAddress: emailOutbox.toAddress })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, data.id))
      .for("update");
    if (!row) throw new NotFoundError("That email is not in the outbox.");
    if (row.status !== "dead") throw new ConflictError(`That email is ${row.status}, not dead: there is nothing to retry.`);
    await tx
      .update(emailOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "dead")));
    await recordEvent(
      {
        actor,
        entity: "email_outbox",
        entityId: row.id,
        action: "retry",
        changes: { status: ["dead", "pending"], attempts: [row.attempts, 0] },
      },
      tx,
    );
    return { id: row.id, toAddress: row.toAddress };
  });
}
