/**
 * An administrator lifts a sign-in lock: the account-wide ceiling and every (account, address)
 * lock of one account (lib/auth/credentials.ts), audited as `user.unlock`. The counters are
 * bookkeeping, not a record, so the account's version does not change.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "../actor";
import { ACCOUNT_LIMIT, PAIR_LIMIT, accountKey, pairPrefix } from "../auth/credentials";
import { ForbiddenError, NotFoundError } from "../errors";
import { authorize } from "../policy";
import { resultRows } from "../rate-limit";
import { recordId } from "../validation/fields";
import { parseFor, recordEvent } from "../write/road";

export const unlockSchema = z.object({ userId: recordId("Choose an existing account.") });

/** The ids of `usernames`' accounts that a sign-in lock holds now (for the admin's user list). */
export async function lockedUserIds(actor: Actor, accounts: readonly { id: string; username: string }[]): Promise<Set<string>> {
  authorize(actor, "user.manage");
  if (accounts.length === 0) return new Set();
  const db = await getDb();
  // A key's third part is its account (URI-encoded, so it holds no colon): login:user:<a>, login:pair:<a>:<address>.
  const byAccount = new Map(accounts.map((a) => [accountKey(a.username).slice("login:user:".length), a.id]));
  const result = await db.execute(sql`
    select distinct split_part(key, ':', 3) as account from rate_limits
    where split_part(key, ':', 3) in (${sql.join([...byAccount.keys()].map((k) => sql`${k}`), sql`, `)})
      and ((left(key, 11) = 'login:user:' and count >= ${ACCOUNT_LIMIT.max}
            and window_start > now() - make_interval(secs => ${ACCOUNT_LIMIT.windowSeconds}))
        or (left(key, 11) = 'login:pair:' and count >= ${PAIR_LIMIT.max}
            and window_start > now() - make_interval(secs => ${PAIR_LIMIT.windowSeconds})))`);
  return new Set(resultRows<{ account: string }>(result).map((r) => byAccount.get(r.account)!));
}

/** Clears every sign-in lock of one account; returns how many counters were cleared. */
export async function unlockSignIn(actor: Actor, input: unknown, clientAddress: string | null = null) {
  const data = parseFor(actor, "user.manage", unlockSchema, input);
  if (data.userId === actor.id) throw new ForbiddenError("You cannot unlock your own account.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, username: users.username, siteId: users.siteId })
      .from(users)
      .where(eq(users.id, data.userId));
    if (!user) throw new NotFoundError("No such account.");
    const prefix = pairPrefix(user.username);
    const cleared = resultRows<{ key: string }>(
      await tx.execute(sql`
        delete from rate_limits
        where key = ${accountKey(user.username)} or left(key, ${prefix.length}) = ${prefix}
        returning key`),
    ).length;
    await recordEvent(
      {
        actor,
        siteId: user.siteId,
        entity: "user",
        entityId: user.id,
        action: "user.unlock",
        changes: { signInLocks: [cleared, 0] },
        clientAddress,
      },
      tx,
    );
    return { id: user.id, username: user.username, cleared };
  });
}
