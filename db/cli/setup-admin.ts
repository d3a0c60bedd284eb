/**
 * One-time setup of a production database: creates the first administrator. Refuses when any
 * admin exists. The password comes from TRIALDESK_ADMIN_PASSWORD or is asked for on the terminal;
 * it is never printed.
 *
 *   npm run setup:admin -- --username alice --email alice@example.org --name "Alice Admin"
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { users } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/password";
import { passwordSchema, usernameSchema } from "@/lib/validation/user";

async function askPassword(): Promise<string> {
  if (process.env.TRIALDESK_ADMIN_PASSWORD) return process.env.TRIALDESK_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Do not echo the password as it is typed.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput?.bind(rl);
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes("Password")) write?.(s);
  };
  const password = await rl.question("Password for the new administrator (12+ characters): ");
  rl.close();
  process.stdout.write("\n");
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: { username: { type: "string" }, email: { type: "string" }, name: { type: "string" } },
  });
  const username = usernameSchema.parse(values.username ?? "");
  if (!values.email) throw new Error("--email is required");
  const password = passwordSchema.parse(await askPassword());
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    const admins = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
    if (admins.length > 0) throw new Error("An administrator already exists; sign in as them to add more users.");
    const [user] = await tx
      .insert(users)
      .values({
        username,
        email: values.email!,
        displayName: values.name ?? username,
        role: "admin",
        status: "active",
        password: await hashPassword(password),
      })
      .returning({ id: users.id, username: users.username });
    await appendAudit(tx, { actor: user!, entity: "user", entityId: user!.id, action: "setup.first_admin" });
    return user!;
  });
  console.log(`Administrator ${created.username} created. Start TrialDesk and sign in.`);
  await closeDb();
}

main().catch(async (error) => {
  const message = error instanceof Error && "issues" in error ? "invalid --username or password (12+ characters)" : (error as Error).message;
  console.error(`Setup failed: ${message}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
