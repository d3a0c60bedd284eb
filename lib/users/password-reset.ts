/**
 * An admin sets a temporary password for someone locked out. The audit row records that the
 * password changed, never its value or hash. In the same transaction every API token of the person
 * (personal and session) is revoked, each revocation audited: whoever held one no longer acts as
 * them; every web session of theirs ends (the users trigger, drizzle/0006: a password change ends
 * sessions); and the account must choose a new password at its next sign-in (`mustChangePassword`:
 * every page sends them to /settings/password, the API refuses), so the admin who typed the
 * temporary one does not keep knowing it.
 */
import type { Actor } from "../actor";
import { revokeAllTokensOf } from "../api/tokens";
import { ForbiddenError } from "../errors";
import { hashPassword } from "../password";
import { publicUser, withoutPasswordHash } from "./public-user";
import { resetPasswordSchema } from "../validation/admin";
import { parseFor, write } from "../write/road";

export async function resetPassword(actor: Actor, input: unknown): Promise<ReturnType<typeof publicUser>> {
  const data = parseFor(actor, "user.manage", resetPasswordSchema, input);
  if (data.userId === actor.id) throw new ForbiddenError("You cannot reset your own password here.");
  // Hash before the transaction: argon2 takes ~50 ms and need not hold the row lock.
  const password = await hashPassword(data.password);
  try {
    return await write(actor, "user.manage", async (w) => {
      const loaded = await w.load("user", data.userId, { version: data.version });
      // Only the fact of the change: the diff redacts `password` to "[redacted]".
      const after = await w.update(
        loaded,
        { password, mustChangePassword: true },
        { audit: "user.reset_password", changes: { password: ["[redacted]", "[redacted]"], mustChangePassword: [loaded.row.mustChangePassword, true] } },
      );
      await revokeAllTokensOf(w, after, "Password reset by an administrator");
      return publicUser(after);
    });
  } catch (error) {
    return withoutPasswordHash(error);
  }
}
