/**
 * Checking a username and password: the one place that decides whether a sign-in succeeds.
 * Used by the Auth.js Credentials provider (web) and, later, by POST /api/v1/sessions.
 *
 * Attempts are throttled with counters in the database — per (account, address) pair, per
 * address, and per account from everywhere with a much higher ceiling, so a guesser locks only
 * their own address out — each attempt taking its slot atomically before the password check, a
 * right password giving it back; and every attempt — success, failure, refusal — is audited.
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

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
});

export type SignInUser = Pick<User, "id" | "username" | "displayName" | "role" | "siteId" | "status">;
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
const addressKey = (address: string) => `login:addr:${address}`;

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
  const counters = [
    { key: pairKey(username, address), limit: PAIR_LIMIT, scope: "address" },
    { key: addressKey(address), limit: ADDRESS_LIMIT, scope: "address" },
    { key: accountKey(username), limit: ACCOUNT_LIMIT, scope: "account" },
  ] as const;
  let blocked: (Count & { scope: "address" | "account" }) | null = null;
  for (const [i, counter] of counters.entries()) {
    const count = await hit(db, counter.key, counter.limit);
    if (count.count > counter.limit.max) {
      blocked = { ...count, scope: counter.scope };
      for (const taken of counters.slice(0, i)) await refund(db, taken.key, taken.limit);
      break;
    }
  }
  if (blocked) {
    await recordEvent({
      actor: null,
      actorUsername: username,
      entity: "session",
      action: "login.rate_limited",
      clientAddress: address,
    });
    return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds, scope: blocked.scope };
  }

  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      siteId: users.siteId,
      status: users.status,
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
