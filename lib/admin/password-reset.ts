/**
 * An admin sets a temporary password for someone locked out. The audit row records that the
 * password changed, never its value or hash. Sessions are JWTs without a server-side record, so a
 * session opened before the reset keeps working (role, site and status are still re-read on every
 * request); to cut a person off at once, disable the account instead.
 */
import { users } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { ForbiddenError } from "../errors";
import { hashPassword } from "../password";
import { authorize } from "../policy";
import { publicUser, withoutPasswordHash } from "../users/public-user";
import { resetPasswordSchema } from "../validation/admin";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";

export async function resetPassword(actor: Actor, input: unknown): Promise<ReturnType<typeof publicUser>> {
  authorize(actor, "user.manage");
  const data = parseOrThrow(resetPasswordSchema, input);
  if (data.userId === actor.id) throw new ForbiddenError("You cannot reset your own password here.");
  // Hash before the transaction: argon2 takes ~50 ms and need not hold the row lock.
  const password = await hashPassword(data.password);
  try {
    return await transact(async (tx) => {
      const { before, after } = await updateVersioned(tx, users, data.userId, data.version, { password });
      await recordChange(tx, actor, {
        entity: "user",
        action: "user.reset_password",
        // Only the fact of the change: diffChanges redacts `password` to "[redacted]".
        before: { id: before.id, siteId: before.siteId, password: before.password },
        after: { id: after.id, siteId: after.siteId, password: after.password },
      });
      return publicUser(after);
    });
  } catch (error) {
    return withoutPasswordHash(error);
  }
}
