/**
 * The one-time setup of a production database: its first administrator. Refused once any active
 * admin exists — after that, accounts come from sign-up and admin activation only. A database the
 * demo seed loaded has one (the demo `admin`): `removeDemo` disables the demo accounts first, in
 * the same transaction, so the setup is all or nothing.
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { parseOrThrow } from "../action-state";
import { ForbiddenError, ValidationError } from "../errors";
import { hashPassword } from "../password";
import { removeDemoAccounts } from "../seed/demo-accounts";
import { passwordSchema, usernameSchema } from "../validation/user";
import { writeAsSystem } from "../write/road";

const firstAdminSchema = z
  .object({
    username: usernameSchema,
    email: z.string().trim().email("Enter a valid email address."),
    displayName: z.string().trim().min(1).max(120),
    password: passwordSchema,
  })
  .strict();

const FIRST_ADMIN_LOCK = 7_270_003;

export async function createFirstAdmin(db: Db, input: z.input<typeof firstAdminSchema>, opts: { removeDemo?: boolean } = {}) {
  const data = parseOrThrow(firstAdminSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    // Two setups at once must not both succeed.
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`);
    const removed = opts.removeDemo ? (await removeDemoAccounts(tx)).disabled : [];
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.status, "active")))
      .limit(1);
    if (admins.length > 0) throw new ForbiddenError("An administrator already exists; sign in as them to add more users.");
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${data.username})`).limit(1);
    if (taken) throw new ValidationError("Choose another username.", { username: ["That username is taken (a demo account keeps its name when disabled)."] });
    const user = await writeAsSystem(
      null,
      (w) =>
        w.insert(
          "user",
          { username: data.username, email: data.email, displayName: data.displayName, role: "admin", status: "active", password: passwordHash },
          { audit: "setup.first_admin", changes: {}, live: false, author: (row) => ({ id: String(row.id), username: String(row.username) }) },
        ),
      tx,
    );
    return { id: user.id, username: user.username, removedDemo: removed };
  });
}
