/**
 * The email dispatcher: sends what ./outbox.ts queued in `email_outbox`.
 *
 * Why our own table claimed with `FOR UPDATE SKIP LOCKED`, and not pg-boss or graphile-worker:
 * those need a real PostgreSQL server and a connection of their own (LISTEN, advisory locks, their
 * own schema), so the embedded PGlite database — one connection inside this process — could not
 * run them; and an outbox row must be written with Drizzle inside the transaction of the change
 * that causes it (a rolled-back change sends nothing), which a queue with its own client cannot
 * join. The same few statements here run on PGlite and PostgreSQL alike.
 *
 * One run (dispatchOnce):
 * 1. Claim due rows in one short transaction: lock them with SKIP LOCKED (a concurrent claimer on
 *    another connection or instance passes over them) and set `locked_until = now + lease`, so
 *    once committed no other claimer takes them until the lease runs out.
 * 2. Send each one with NO transaction open: talking SMTP can take seconds, and PGlite has a
 *    single connection that a held transaction would block for everyone.
 * 3. Mark each row sent, or failed (backoff, ./backoff.ts) and after MAX_ATTEMPTS dead — only
 *    while this run's lease is still the row's, so a run that overran its lease cannot overwrite
 *    what another instance did since.
 *
 * All state is in the table: a crashed instance's claimed rows become claimable again when their
 * lease expires (delivery is at least once; a row sent just before a crash is sent again, with the
 * same Message-ID). Without SMTP_URL nothing is claimed: rows wait as pending, attempts untouched.
 */
import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { emailOutbox } from "@/db/schema";
import { backgroundLoop } from "../background-loop";
import { backoffMs, MAX_ATTEMPTS } from "./backoff";
import { mailConfig } from "./config";
import { safeErrorText, smtpTransport, type MailTransport } from "./transport";

export { retryDead } from "./retry";

/** How long a claim holds. A send is bounded well below it (transport timeouts, SEND_BUDGET_MS). */
export const LEASE_MS = 2 * 60_000;
/**
 * A run starts no send after this long and gives the rest of its batch back: with one send taking
 * up to about a minute (./transport.ts timeouts), the last one still ends inside the lease.
 */
const SEND_BUDGET_MS = LEASE_MS / 4;
export const DEFAULT_BATCH = 20;
export const DISPATCH_INTERVAL_MS = 5_000;

export type DispatchOptions = {
  /** The run's clock (tests step it past a backoff); the wall clock by default. */
  now?: Date;
  /** Default: SMTP to SMTP_URL, or nothing at all when it is unset. */
  transport?: MailTransport;
  batch?: number;
  /** Another database handle, as a second app instance would have (tests); default getDb(). */
  db?: Db;
};

export type DispatchResult = { smtp: boolean; claimed: number; sent: number; failed: number; dead: number; released: number };

type Claimed = Pick<typeof emailOutbox.$inferSelect, "id" | "toAddress" | "subject" | "textBody" | "htmlBody" | "attempts">;

/** The rows this run owns: still pending, and still under this run's lease. */
const owned = (id: string, lease: Date) => and(eq(emailOutbox.id, id), eq(emailOutbox.status, "pending"), eq(emailOutbox.lockedUntil, lease));

async function claim(db: Db, now: Date, lease: Date, batch: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, "pending"),
          lte(emailOutbox.nextAttemptAt, now),
          or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, now)),
        ),
      )
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ lockedUntil: lease })
      .where(inArray(emailOutbox.id, due.map((r) => r.id)))
      .returning({
        id: emailOutbox.id,
        toAddress: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        textBody: emailOutbox.textBody,
        htmlBody: emailOutbox.htmlBody,
        attempts: emailOutbox.attempts,
      });
  });
}

/** Claims due rows, sends them, records each outcome. One batch; the loop below repeats it. */
export async function dispatchOnce(opts: DispatchOptions = {}): Promise<DispatchResult> {
  const result: DispatchResult = { smtp: false, claimed: 0, sent: 0, failed: 0, dead: 0, released: 0 };
  const config = mailConfig();
  const transport = opts.transport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : null);
  if (!transport) return result;
  result.smtp = true;
  try {
    const db = opts.db ?? (await getDb());
    const start = opts.now ?? new Date();
    const startedAt = Date.now();
    // The run's clock moves with the wall clock from `start`, so sent_at and backoffs are real.
    const clock = () => new Date(start.getTime() + (Date.now() - startedAt));
    const lease = new Date(start.getTime() + LEASE_MS);
    const rows = await claim(db, start, lease, opts.batch ?? DEFAULT_BATCH);
    result.claimed = rows.length;
    for (const [i, row] of rows.entries()) {
      if (Date.now() - startedAt > SEND_BUDGET_MS) {
        const rest = rows.slice(i).map((r) => r.id);
        await db
          .update(emailOutbox)
          .set({ lockedUntil: null })
          .where(and(inArray(emailOutbox.id, rest), eq(emailOutbox.lockedUntil, lease)));
        result.released = rest.length;
        break;
      }
      let failure: unknown = null;
      try {
        await transport.send({ id: row.id, from: config.from, to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody });
      } catch (error) {
        failure = error ?? new Error("send failed");
      }
      const at = clock();
      if (failure === null) {
        await db.update(emailOutbox).set({ status: "sent", sentAt: at, lockedUntil: null }).where(owned(row.id, lease));
        result.sent++;
        continue;
      }
      const attempts = row.attempts + 1;
      const dead = attempts >= MAX_ATTEMPTS;
      await db
        .update(emailOutbox)
        .set({
          attempts,
          status: dead ? "dead" : "pending",
          lastError: safeErrorText(failure, config.smtpUrl),
          nextAttemptAt: new Date(at.getTime() + backoffMs(row.attempts)),
          lockedUntil: null,
        })
        .where(owned(row.id, lease));
      if (dead) result.dead++;
      else result.failed++;
    }
    return result;
  } finally {
    if (!opts.transport) transport.close();
  }
}

// ---------------------------------------------------------------- the in-process loop

/** Batches one tick may run back to back while the outbox is full, before yielding to the next tick. */
const MAX_BATCHES_PER_TICK = 10;

// A slow SMTP server is not overtaken by the next tick (lib/background-loop.ts).
const loop = backgroundLoop("mail dispatcher", {
  everyMs: DISPATCH_INTERVAL_MS,
  run: async () => {
    for (let i = 0; i < MAX_BATCHES_PER_TICK && loop.active; i++) {
      const run = await dispatchOnce();
      if (run.claimed < DEFAULT_BATCH) break;
    }
  },
});

/** Starts sending every few seconds, once per process (idempotent). For instrumentation.ts. */
export function startMailDispatcher(intervalMs = DISPATCH_INTERVAL_MS): void {
  loop.start(intervalMs);
}

/** Stops the loop; a batch already sending finishes (its rows are marked as usual). */
export function stopMailDispatcher(): void {
  loop.stop();
}
