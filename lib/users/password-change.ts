/**
 * A person changes their own password (Settings → Password), giving the current one. In one
 * transaction: the new hash (audited as the fact of a change, never the value), the "must change"
 * flag an admin's reset set is cleared, every API token of theirs is revoked, and every other web
 * session of theirs ends (the users trigger, drizzle/0006; this session is kept). A wrong current
 * password counts in the login throttle like a wrong signing password (takeReentrySlot).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "../actor";
import { revokeAllTokensOf } from "../api/tokens";
import { giveBackReentrySlot, reentryLockMessage, takeReentrySlot } from "../auth/credentials";
import { keepSessionInTransaction } from "../auth/sessions";
import { RateLimitedError, ValidationError } from "../errors";
import { parseOrThrow } from "../action-state";
import { hashPassword, verifyPassword } from "../password";
import { authorize } from "../policy";
import { passwordSchema } from "../validation/user";
import { writeAsSystem } from "../write/road";

export const WRONG_CURRENT_PASSWORD = "This is not your current password.";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .strict()
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." })
  .refine((v) => v.password !== v.currentPassword, { path: ["password"], message: "Choose a password different from the current one." });

/**
 * `sessionId`: the web session making the change, which stays signed in (null from elsewhere:
 * then every session ends).
 */
export async function changeOwnPassword(actor: Actor, input: unknown, sessionId: string | null): Promise<{ revokedTokens: number }> {
  authorize(actor, "password.change");
  const data = parseOrThrow(changePasswordSchema, input);
  const wait = await takeReentrySlot(actor, "password.locked");
  if (wait !== null) throw new RateLimitedError(reentryLockMessage("changing your password", wait), wait);
  const db = await getDb();
  const [row] = await db.select({ hash: users.password }).from(users).where(eq(users.id, actor.id));
  if (!row || !(await verifyPassword(row.hash, data.currentPassword))) {
    // The slot stays taken: this was a wrong guess.
    throw new ValidationError(WRONG_CURRENT_PASSWORD, { currentPassword: [WRONG_CURRENT_PASSWORD] });
  }
  await giveBackReentrySlot(actor.username);
  const password = await hashPassword(data.password);
  // A system write in the road's terms: the record is the person's own, which the site-scoped
  // user entity (an admin's) cannot express; the policy question was asked above, and the audit
  // row names the person.
  return writeAsSystem({ id: actor.id, username: actor.username }, async (w) => {
    await keepSessionInTransaction(w.tx, sessionId);
    const [loaded] = await w.loadWhere("user", eq(users.id, actor.id));
    if (!loaded) throw new ValidationError("Your account was not found.");
    const after = await w.update(
      loaded,
      { password, mustChangePassword: false },
      { audit: "user.change_password", changes: { password: ["[redacted]", "[redacted]"], ...(loaded.row.mustChangePassword ? { mustChangePassword: [true, false] } : {}) } },
    );
    const revokedTokens = await revokeAllTokensOf(w, after, "Password changed by its owner");
    return { revokedTokens };
  });
}
