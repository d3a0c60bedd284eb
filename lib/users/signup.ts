/**
 * Sign-up: creates a pending account that reaches no clinical data until an admin activates it.
 *
 * The answer is the same whether or not the username or email is already in use (issue 12,
 * finding 3): "request received", after the same work (the password is hashed either way). What
 * happened is told to whom it concerns, not to whoever asks:
 * - a new account: the admins are told by the sign-up rule (lib/rules) and activate it; the address
 *   given gets a "received" email when mail is configured;
 * - an email already registered: no account; that address's owner gets "someone tried to sign up
 *   with your email" (mail configured), and the audit trail has a `signup_refused` event naming
 *   the account, which admins see in the audit log;
 * - a username taken (with a new email): no account; the address given is told to choose another
 *   username (mail configured), and the audit trail has the refusal. Without mail the person asks
 *   an administrator, who sees it there.
 * Sign-ups are throttled per client address (SIGNUP_LIMIT, lib/rate-limit.ts): a refused attempt
 * writes nothing, and only the first refusal of a window is audited.
 */
import "server-only";
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { parseOrThrow } from "../action-state";
import { isUniqueViolation } from "../db-errors";
import { RateLimitedError } from "../errors";
import { mailConfig } from "../mail/config";
import { queueEmails } from "../mail/outbox";
import { hashPassword } from "../password";
import { hit, type Limit } from "../rate-limit";
import { signupSchema, type SignupInput } from "../validation/user";
import { recordEvent, writeAsSystem } from "../write/road";
import { composeSignupMail, type SignupOutcome } from "./signup-mail";
import { positiveIntEnv } from "../env-number";

/**
 * Sign-ups per client address per hour: `SIGNUP_MAX_PER_HOUR` (default 5). A hospital whose staff
 * all reach the app through one NAT address may need more on an onboarding day.
 */
export const SIGNUP_LIMIT: Limit = { max: positiveIntEnv("SIGNUP_MAX_PER_HOUR", 5), windowSeconds: 3600 };

/** What every accepted sign-up request answers, whatever became of it. */
export type SignupReceipt = { status: "received" };
const RECEIVED: SignupReceipt = { status: "received" };

export async function signUp(input: SignupInput, clientAddress: string | null): Promise<SignupReceipt> {
  const data = parseOrThrow(signupSchema, input);
  const db = await getDb();
  await throttle(db, data.username, clientAddress);

  // Before looking: a taken name must take as long as a free one.
  const passwordHash = await hashPassword(data.password);
  const [existing] = await db
    .select({ id: users.id, email: users.email, emailTaken: sql<boolean>`lower(${users.email}) = lower(${data.email})` })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${data.username}) or lower(${users.email}) = lower(${data.email})`)
    .orderBy(sql`lower(${users.email}) = lower(${data.email}) desc`)
    .limit(1);
  if (existing) {
    await refuse(data, clientAddress, existing.emailTaken ? { outcome: "email-in-use", account: existing } : { outcome: "username-taken" });
    return RECEIVED;
  }

  try {
    // Nobody is signed in: the new account is the audit row's author.
    await writeAsSystem(null, async (w) => {
      const created = await w.insert(
        "user",
        { username: data.username, email: data.email, displayName: data.displayName, role: data.role, password: passwordHash, status: "pending" },
        { audit: "signup", omit: ["id", "password", "siteId"], author: (row) => ({ id: String(row.id), username: String(row.username) }), clientAddress },
      );
      await tell(w.tx, data.email, "received", created.id);
      return created;
    });
  } catch (error) {
    // Two sign-ups racing for one name or address: the unique index decides; answered alike.
    if (!isUniqueViolation(error)) throw error;
    await refuse(data, clientAddress, { outcome: "username-taken" });
  }
  return RECEIVED;
}

async function throttle(db: DbOrTx, username: string, clientAddress: string | null): Promise<void> {
  const count = await hit(db, `signup:${clientAddress ?? "unknown"}`, SIGNUP_LIMIT);
  if (count.count <= SIGNUP_LIMIT.max) return;
  if (count.count === SIGNUP_LIMIT.max + 1) {
    // One row per lockout, not per refused attempt (finding 3: a flood must not flood the trail).
    await recordEvent({
      actor: null,
      actorUsername: username,
      entity: "user",
      action: "signup_throttled",
      changes: { signups: [null, SIGNUP_LIMIT.max], lockedFor: [null, `${Math.ceil(count.retryAfterSeconds / 60)} min`] },
      clientAddress,
    });
  }
  throw new RateLimitedError(
    `Too many sign-up requests from your network. Try again in ${Math.max(1, Math.ceil(count.retryAfterSeconds / 60))} minutes.`,
    count.retryAfterSeconds,
  );
}

type Refusal = { outcome: "email-in-use"; account: { id: string; email: string } } | { outcome: "username-taken" };

/** Records a refused sign-up for the admins and tells the address's owner; the caller answers as for any other. */
async function refuse(data: { username: string; email: string }, clientAddress: string | null, refusal: Refusal): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await recordEvent(
      {
        actor: null,
        actorUsername: data.username,
        entity: "user",
        entityId: refusal.outcome === "email-in-use" ? refusal.account.id : null,
        action: "signup_refused",
        reason: refusal.outcome === "email-in-use" ? "The email address already has an account." : "The username is already in use.",
        clientAddress,
      },
      tx,
    );
    if (refusal.outcome === "email-in-use") await tell(tx, refusal.account.email, "email-in-use", refusal.account.id);
    else await tell(tx, data.email, "username-taken", null);
  });
}

/** Queues the sign-up email for `to` when mail is configured (SMTP_URL); the outbox sends it. */
async function tell(tx: DbOrTx, to: string, outcome: SignupOutcome, userId: string | null): Promise<void> {
  if (!mailConfig().smtpUrl) return;
  await queueEmails(tx, [{ userId, to, causeKey: `signup:${outcome}:${crypto.randomUUID()}`, mail: composeSignupMail(outcome) }]);
}
