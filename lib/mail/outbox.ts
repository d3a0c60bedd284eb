/**
 * Queueing an email: a row in the outbox, written with the transaction of the change that caused
 * it (so a rolled-back change sends nothing, and a committed one cannot lose its email). One row
 * per cause: queueing the same cause again is a no-op. The dispatcher (./dispatcher.ts) sends it.
 */
import { emailOutbox } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { ComposedMail } from "./compose";

export type QueuedEmail = {
  /** The recipient's account, when the email is for a user. */
  userId: string | null;
  to: string;
  /** The notification it carries (null for a digest). */
  notificationId?: string | null;
  /** What makes it unique, e.g. `notification:<id>` or `digest:<user>:<day>`. */
  causeKey: string;
  mail: ComposedMail;
};

export async function queueEmails(tx: DbOrTx, emails: readonly QueuedEmail[]): Promise<void> {
  if (emails.length === 0) return;
  await tx
    .insert(emailOutbox)
    .values(
      emails.map((e) => ({
        userId: e.userId,
        notificationId: e.notificationId ?? null,
        toAddress: e.to,
        causeKey: e.causeKey,
        subject: e.mail.subject,
        textBody: e.mail.text,
        htmlBody: e.mail.html,
      })),
    )
    .onConflictDoNothing({ target: emailOutbox.causeKey });
}
