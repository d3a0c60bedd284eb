/**
 * One-time setup of a production database: creates the first administrator (lib/users/first-admin).
 * The password comes from TRIALDESK_ADMIN_PASSWORD or is asked for on the terminal; never printed.
 *
 *   npm run setup:admin -- --username alice --email alice@example.org --name "Alice Admin"
 *
 * A database that got the demo data (any empty embedded one) has demo accounts with a published
 * password. `--remove-demo` disables them all (never deletes; audited; lib/seed/demo-accounts.ts),
 * in the same transaction as the new administrator when one is given, or on its own without
 * `--username`. Run on a terminal without the flag, it asks.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db";
import { AppError, ValidationError } from "@/lib/errors";
import { registerDemoData } from "@/lib/seed/demo";
import { DEMO_USERNAMES, demoAccountsActive, removeDemoAccounts } from "@/lib/seed/demo-accounts";
import { createFirstAdmin } from "@/lib/users/first-admin";

async function askPassword(): Promise<string> {
  if (process.env.TRIALDESK_ADMIN_PASSWORD) return process.env.TRIALDESK_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Keep the typed password off the screen: echo only the prompt itself.
  const internals = rl as unknown as { _writeToOutput: (s: string) => void };
  const write = internals._writeToOutput.bind(rl);
  internals._writeToOutput = (s: string) => {
    if (s.includes("Password")) write(s);
  };
  const password = await rl.question("Password for the new administrator (12+ characters): ");
  rl.close();
  process.stdout.write("\n");
  return password;
}

async function askYesNo(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const answer = await rl.question(question);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

/** Whether demo accounts were found, for the hint on a refusal. */
let demoFound = false;

async function main() {
  registerDemoData(); // opened as the app opens it
  const { values } = parseArgs({
    options: { username: { type: "string" }, email: { type: "string" }, name: { type: "string" }, "remove-demo": { type: "boolean" } },
  });
  const db = await getDb();
  const demo = await demoAccountsActive(db);
  demoFound = demo;
  let removeDemo = values["remove-demo"] === true;
  if (demo && !removeDemo && process.stdin.isTTY) {
    removeDemo = await askYesNo(
      `This database has demo accounts with a published password (${DEMO_USERNAMES.join(", ")}).\n` +
        "Disable them all now? Nothing is deleted; each is audited. [y/N] ",
    );
  }
  if (removeDemo && values.username === undefined) {
    const { disabled } = await removeDemoAccounts();
    console.log(disabled.length ? `Demo accounts disabled: ${disabled.join(", ")}.` : "No demo accounts left to disable.");
    await closeDb();
    return;
  }
  const password = await askPassword();
  const user = await createFirstAdmin(
    db,
    { username: values.username ?? "", email: values.email ?? "", displayName: values.name ?? values.username ?? "", password },
    { removeDemo },
  );
  if (user.removedDemo.length) console.log(`Demo accounts disabled: ${user.removedDemo.join(", ")}.`);
  console.log(`Administrator ${user.username} created. Start TrialDesk and sign in.`);
  if (demo && !removeDemo) console.log("Demo accounts remain; remove them with: npm run setup:admin -- --remove-demo");
  await closeDb();
}

main().catch(async (error) => {
  const detail =
    error instanceof ValidationError
      ? Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`).join("; ")
      : error instanceof AppError
        ? `${error.message}${error.status === 403 && demoFound ? " (Demo accounts? Add --remove-demo.)" : ""}`
        : "unexpected error (see above)";
  if (!(error instanceof AppError)) console.error(error instanceof Error ? error.message : error);
  console.error(`Setup failed: ${detail}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
