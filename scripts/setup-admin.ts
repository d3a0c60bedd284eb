/**
 * One-time setup of a production database: creates the first administrator (lib/users/first-admin).
 * The password comes from TRIALDESK_ADMIN_PASSWORD or is asked for on the terminal; never printed.
 *
 *   npm run setup:admin -- --username alice --email alice@example.org --name "Alice Admin"
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db";
import { AppError, ValidationError } from "@/lib/errors";
import { registerDemoData } from "@/lib/seed/demo";
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

async function main() {
  registerDemoData(); // opened as the app opens it
  const { values } = parseArgs({ options: { username: { type: "string" }, email: { type: "string" }, name: { type: "string" } } });
  const password = await askPassword();
  const user = await createFirstAdmin(await getDb(), {
    username: values.username ?? "",
    email: values.email ?? "",
    displayName: values.name ?? values.username ?? "",
    password,
  });
  console.log(`Administrator ${user.username} created. Start TrialDesk and sign in.`);
  await closeDb();
}

main().catch(async (error) => {
  const detail =
    error instanceof ValidationError
      ? Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`).join("; ")
      : error instanceof AppError
        ? error.message
        : "unexpected error (see above)";
  if (!(error instanceof AppError)) console.error(error instanceof Error ? error.message : error);
  console.error(`Setup failed: ${detail}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
