/**
 * `npm run audit:anchor`: prints the audit trail's head — its newest event's sequence number and
 * hash, as `<seq>:<hash>` — to store somewhere the database's administrators cannot change (a
 * ticket, a signed email, another system's log). `npm run audit:verify -- --anchor <seq>:<hash>`
 * later fails when that event is gone or changed. The head is verified before it is printed, so an
 * anchor never vouches for a broken chain.
 */
import { closeDb, getDb } from "@/db";
import { sealAll } from "@/lib/audit/sealer";
import { chainHead, describeBreak, formatAnchor, verifyAuditChain } from "@/lib/audit/verify";
import { registerDemoData } from "@/lib/seed/demo";
import { warnAboutDevelopmentKey } from "./audit-key-warning";

async function main() {
  warnAboutDevelopmentKey();
  registerDemoData(); // opened as the app opens it
  const db = await getDb();
  await sealAll(db);
  const result = await verifyAuditChain(db);
  const head = result.ok ? await chainHead(db) : null;
  await closeDb();
  if (!result.ok) {
    console.error(`No anchor: the audit chain is BROKEN at ${describeBreak(result.brokenAt)}: ${result.brokenAt.problem}.`);
    process.exit(1);
  }
  if (!head) {
    console.error("No anchor: the audit trail is empty.");
    process.exit(1);
  }
  // stdout holds the anchor alone, so `npm run -s audit:anchor > anchor.txt` keeps just that.
  console.log(formatAnchor(head));
  console.error(`Head of the audit chain: seal #${head.seq}, ${result.checked} events verified. Store the line above outside this database.`);
}

main().catch(async (error) => {
  console.error(`Could not read the audit trail's head: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(2);
});
