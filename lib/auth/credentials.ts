/**
 * Checking a username and password: the one place that decides whether a sign-in succeeds.
 * Used by the Auth.js Credentials provider (web) and, later, by POST /api/v1/sessions.
 *
 * Attempts are throttled with counters in the database — per (account, address) pair, per
 * address, and per account from everywhere with a much higher ceiling, so a guesser locks only
 * their own address out — each attempt taking its slot atomically before the password check, a
 * right password giving it back. Every checked attempt — success, failure, disabled — is audited;
 * attempts refused by a lock are only counted (in the lock's counter), and the lock itself is
 * audited once, when it starts (`login.locked`, with the failures that set it off), so a flood of
 * refused guesses writes one audit row, not one per guess under the audit chain's lock.
 *
 * A password re-entered inside a session — an e-signature (lib/signatures/password-check.ts), a
 * password change, a new personal API token — counts its failures here too, in a pair of its own
 * per account (takeReentrySlot): five wrong ones in fifteen minutes lock them all, and they count
 * towards the account-wide ceiling like any guess.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "../password";
import { hit, refund, reset, type Count, type Limit } from "../rate-limit";
import { recordEvent } from "../write/road";

/** Failures of one account from one address: the lock a guesser meets (and the owner elsewhere does not). */
export const PAIR_LIMIT: Limit = { max: 5, windowSeconds: 15 * 60 };
/** One account from everywhere: much higher, so a few addresses cannot lock someone out. */
export const ACCOUNT_LIMIT: Limit = { max: 50, windowSeconds: 15 * 60 };
/** One address trying many accounts. */
export const ADDRESS_LIMIT: Limit = { max: 30, windowSeconds: 15 * 60 };

/** Text the database cannot store (a NUL, an unpaired surrogate) names no account: a plain refusal, not an error. */
const storable = (text: string) => !text.includes("\u0000") && text.isWellFormed();

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(100).refine(storable),
  password: z.string().min(1).max(1024).refine(storable),
});

export type SignInUser = Pick<User, "id" | "username" | "displayName" | "role" | "siteId" | "status" | "mustChangePassword">;
export type AuthResult =
  | { ok: true; user: SignInUser }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number; scope: "address" | "account" };

/**
 * The counters' keys. The username is URI-encoded, so `pairPrefix(name)` matches exactly that
 * account's pairs (lib/users/unlock.ts clears them).
 */
const account = (username: string) => encodeURIComponent(username.toLowerCase());
export const accountKey = (username: string) => `login:user:${account(username)}`;
export const pairPrefix = (username: string) => `login:pair:${account(username)}:`;
const pairKey = (username: string, address: string) => `${pairPrefix(username)}${address}`;
/**
 * Passwords re-entered inside a session (an e-signature, a password change): a pair of their own
 * per account, so an admin's unlock (which clears every pair) lifts it too.
 */
const reentryKey = (username: string) => pairKey(username, "re-entered");
const addressKey = (address: string) => `login:addr:${address}`;

/** The API's answer to a sign-in with a password an administrator reset (403 problem+json). */
export const MUST_CHANGE_PASSWORD_API =
  "An administrator reset this account's password. Sign in to the web app, choose a new password at /settings/password, then request a token again.";

/**
 * What the person is told when refused: to wait, never whether the password was right (a
 * throttled attempt never reaches the check).
 */
export function refusalMessage(result: Extract<AuthResult, { ok: false }>): string {
  if (result.reason !== "rate_limited") {
    return result.reason === "disabled" ? "This account is disabled. Ask your administrator to re-enable it." : "Wrong username or password.";
  }
  const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
  const wait = `try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  return result.scope === "address"
    ? `Too many attempts from here; ${wait}.`
    : `Too many attempts on this account; ${wait}, or ask your administrator to unlock it.`;
}

export async function authenticate(
  input: { username?: unknown; password?: unknown },
  clientAddress: string | null,
): Promise<AuthResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { username, password } = parsed.data;
  const db = await getDb();
  const address = clientAddress ?? "unknown";

  // Take a slot before the (deliberately slow) hash check: each counter is one atomic
  // INSERT … ON CONFLICT DO UPDATE … RETURNING, so parallel guesses get distinct counts and at
  // most `max` of them per window go on to the check, however many arrive at once. The pair is
  // counted first, so guesses refused there never reach the account-wide ceiling: one address
  // cannot spend more than PAIR_LIMIT of it. A later counter's refusal gives the earlier slots back.
  const blocked = await takeSlots(
    [
      { key: pairKey(username, address), limit: PAIR_LIMIT, scope: "address", locks: "this account from this address" },
      { key: addressKey(address), limit: ADDRESS_LIMIT, scope: "address", locks: "every account from this address" },
      { key: accountKey(username), limit: ACCOUNT_LIMIT, scope: "account", locks: "this account from everywhere" },
    ],
    { actor: null, actorUsername: username, entity: "session", action: "login.locked", clientAddress: address },
  );
  if (blocked) return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds, scope: blocked.scope };

  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      siteId: users.siteId,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
      password: users.password,
    })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);

  // Same work whether or not the user exists, so timing does not reveal usernames.
  const passwordOk = await verifyPassword(user?.password ?? (await dummyPasswordHash()), password);

  if (!user || !passwordOk) {
    // The failure already counts: its slot was taken above.
    await recordEvent({
      actor: null,
      actorUsername: username,
      siteId: user?.siteId ?? null,
      entity: "session",
      entityId: user?.id ?? null,
      action: "login.failed",
      clientAddress: address,
    });
    return { ok: false, reason: "invalid" };
  }

  // The right password is not a failed guess: give the address and the account their slots back.
  await refund(db, addressKey(address), ADDRESS_LIMIT);
  await refund(db, accountKey(username), ACCOUNT_LIMIT);

  if (user.status === "disabled") {
    await refund(db, pairKey(username, address), PAIR_LIMIT);
    await recordEvent({
      actor: { id: user.id, username: user.username },
      siteId: user.siteId,
      entity: "session",
      entityId: user.id,
      action: "login.refused_disabled",
      clientAddress: address,
    });
    return { ok: false, reason: "disabled" };
  }

  await db.transaction(async (tx) => {
    await reset(tx, pairKey(username, address)); // the owner is here: this address's failures are forgiven
    await recordEvent({
      actor: { id: user.id, username: user.username },
      siteId: user.siteId,
      entity: "session",
      entityId: user.id,
      action: "login",
      clientAddress: address,
    }, tx);
  });
  const { password: _hash, ...safe } = user;
  void _hash;
  return { ok: true, user: safe };
}

type AuditEntry = Parameters<typeof recordEvent>[0];
/** `locks` names what a refusal of this counter locks, for the audit row. */
type Counter = { key: string; limit: Limit; scope: "address" | "account"; locks: string };

/**
 * Takes one slot of each counter in turn; the first that is over its limit refuses (and the
 * earlier ones get their slot back). Returns the refusing counter, or null when every slot was
 * free. The refusal that starts a lock (the count just past the limit, which exactly one attempt
 * sees, however parallel) is audited with `lockEvent`; later refusals in the same window are not.
 */
async function takeSlots(counters: readonly Counter[], lockEvent: AuditEntry): Promise<(Count & { scope: Counter["scope"] }) | null> {
  const db = await getDb();
  for (const [i, counter] of counters.entries()) {
    const count = await hit(db, counter.key, counter.limit);
    if (count.count <= counter.limit.max) continue;
    for (const taken of counters.slice(0, i)) await refund(db, taken.key, taken.limit);
    if (count.count === counter.limit.max + 1) {
      await recordEvent({
        ...lockEvent,
        changes: {
          failedAttempts: [null, counter.limit.max],
          lockedFor: [null, `${Math.ceil(count.retryAfterSeconds / 60)} min`],
          locked: [null, counter.locks],
        },
      });
    }
    return { ...count, scope: counter.scope };
  }
  return null;
}

/** The words for a locked re-entered password (`what`: "signing", "changing your password"): wait. */
export function reentryLockMessage(what: string, retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many wrong passwords: ${what} is locked. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}, or ask your administrator to unlock it.`;
}

/**
 * Before checking a password re-entered inside a session (a signature: `sign.locked`; a password
 * change: `password.locked`; a new personal API token: `token.locked`): takes a slot of the person's re-entry counter and of the
 * account-wide ceiling. Returns the seconds to wait when locked, else null. The slot stays taken
 * when the password turns out wrong; giveBackReentrySlot returns it otherwise.
 */
export async function takeReentrySlot(
  person: { id: string; username: string; siteId: string | null },
  lockAction: "sign.locked" | "password.locked" | "token.locked",
): Promise<number | null> {
  const blocked = await takeSlots(
    [
      { key: reentryKey(person.username), limit: PAIR_LIMIT, scope: "account", locks: "passwords re-entered in a session (signing, password change, new API token)" },
      { key: accountKey(person.username), limit: ACCOUNT_LIMIT, scope: "account", locks: "this account from everywhere" },
    ],
    { actor: person, siteId: person.siteId, entity: "session", entityId: person.id, action: lockAction },
  );
  return blocked ? blocked.retryAfterSeconds : null;
}

/** A re-entered password that was right (or never checked) was not a guess. */
export async function giveBackReentrySlot(username: string): Promise<void> {
  const db = await getDb();
  await refund(db, reentryKey(username), PAIR_LIMIT);
  await refund(db, accountKey(username), ACCOUNT_LIMIT);
}
