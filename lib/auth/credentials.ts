/**
 * Checking a username and password: the one place that decides whether a sign-in succeeds.
 * Used by the Auth.js Credentials provider (web) and, later, by POST /api/v1/sessions.
 *
 * Attempts are throttled per username and per client address with counters in the database —
 * each attempt takes its slot atomically before the password check, and a right password gives
 * it back — and every attempt — success, failure, refusal — is audited.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "../password";
import { hit, refund, reset, type Count, type Limit } from "../rate-limit";
import { recordEvent } from "../write/road";

export const USERNAME_LIMIT: Limit = { max: 5, windowSeconds: 15 * 60 };
export const ADDRESS_LIMIT: Limit = { max: 30, windowSeconds: 15 * 60 };

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
});

export type SignInUser = Pick<User, "id" | "username" | "displayName" | "role" | "siteId" | "status">;
export type AuthResult =
  | { ok: true; user: SignInUser }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const userKey = (username: string) => `login:user:${username.toLowerCase()}`;
const addressKey = (address: string) => `login:addr:${address}`;

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
  // most `max` of them per window go on to the check, however many arrive at once.
  const byUser = await hit(db, userKey(username), USERNAME_LIMIT);
  let blocked: Count | null = byUser.count > USERNAME_LIMIT.max ? byUser : null;
  if (!blocked) {
    const byAddress = await hit(db, addressKey(address), ADDRESS_LIMIT);
    if (byAddress.count > ADDRESS_LIMIT.max) {
      blocked = byAddress;
      await refund(db, userKey(username), USERNAME_LIMIT); // this attempt was never checked
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
    return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };
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

  // The right password is not a failed guess: give the address its slot back.
  await refund(db, addressKey(address), ADDRESS_LIMIT);

  if (user.status === "disabled") {
    await refund(db, userKey(username), USERNAME_LIMIT);
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
    await reset(tx, userKey(username));
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
