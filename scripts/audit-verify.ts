/** `npm run audit:verify`: recomputes the audit hash chain and names the first broken link. */
import { closeDb, getDb } from "@/db";
import { verifyAuditChain } from "@/lib/audit/verify";
import { registerDemoData } from "@/lib/seed/demo";

async function main() {
  registerDemoData(); // opened as the app opens it
  const result = await verifyAuditChain(await getDb());
  await closeDb();
  if (result.ok) {
    console.log(`Audit chain intact: ${result.checked} events verified.`);
    return;
  }
  console.error(`Audit chain BROKEN at event #${result.brokenAt.seq} (id ${result.brokenAt.id}): ${result.brokenAt.problem}.`);
  process.exit(1);
}

main().catch(async (error) => {
  console.error(`Could not verify the audit chain: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(2);
});
