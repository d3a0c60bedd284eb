/**
 * `npm run audit:verify`: recomputes the audit hash chain and names the first broken link.
 *
 * - no option: the events written since the last verified one (the stored checkpoint, shared with
 *   the audit page), then moves the checkpoint forward;
 * - `--full`: every event from the first (and, intact, stores the head as the checkpoint);
 * - `--anchor <seq>:<hash>` (a head printed earlier by `npm run audit:anchor` and kept elsewhere):
 *   every event, and that head must still be there unchanged — removing the newest events leaves a
 *   chain that links up, so only an anchor kept outside the database shows it.
 *
 * Exit status: 0 intact, 1 broken or anchor missing, 2 could not verify (no database, no key).
 */
import { closeDb, getDb } from "@/db";
import { sealAll } from "@/lib/audit/sealer";
import { checkAnchor, describeBreak, parseAnchor, SEAL_STALE_SECONDS, storeCheckpoint, verifyAuditChain, verifySinceCheckpoint, type ChainHead } from "@/lib/audit/verify";
import { registerDemoData } from "@/lib/seed/demo";
import { warnAboutDevelopmentKey } from "./audit-key-warning";

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run audit:verify [-- --full | --anchor <seq>:<hash>]`);
  process.exit(2);
}

function parseArgs(argv: string[]): { full: boolean; anchor: ChainHead | null } {
  let full = false;
  let anchor: ChainHead | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--full") full = true;
    else if (arg === "--anchor" || arg.startsWith("--anchor=")) {
      const value = arg === "--anchor" ? argv[++i] : arg.slice("--anchor=".length);
      anchor = value ? parseAnchor(value) : null;
      if (!anchor) usage(`--anchor needs <seq>:<hash> as printed by npm run audit:anchor (got ${JSON.stringify(value ?? "")}).`);
    } else usage(`Unknown option ${arg}.`);
  }
  return { full, anchor };
}

async function main() {
  const { full, anchor } = parseArgs(process.argv.slice(2));
  warnAboutDevelopmentKey();
  registerDemoData(); // opened as the app opens it
  const db = await getDb();
  // Events written while no app ran (a seed, a script) are sealed first; then the chain is checked.
  if (full || anchor) await sealAll(db);
  const result = full || anchor ? await verifyAuditChain(db) : await verifySinceCheckpoint(db);
  const anchored = anchor && result.ok ? await checkAnchor(db, anchor) : null;
  // A whole trail found intact is a checkpoint too: the audit page goes on from there.
  if (result.ok && result.head && (full || anchor) && anchored?.ok !== false) await storeCheckpoint(db, result.head);
  await closeDb();
  if (!result.ok) {
    console.error(`Audit chain BROKEN at ${describeBreak(result.brokenAt)}: ${result.brokenAt.problem}.`);
    process.exit(1);
  }
  const scope = result.from > 0 ? `${result.checked} events since the last verified one (#${result.from}) verified` : `${result.checked} events verified`;
  if (anchored && !anchored.ok) {
    console.error(`Audit chain links up (${scope}), but ${anchored.problem}.`);
    process.exit(1);
  }
  const { unsealed } = result;
  if (unsealed.stale > 0) {
    console.error(
      `Audit chain links up (${scope}), but ${unsealed.stale} ${unsealed.stale === 1 ? "event has" : "events have"} waited more than ${SEAL_STALE_SECONDS} s for a seal (the oldest is event #${unsealed.oldestSeq}): a transaction held open that long, or an event written past the trigger.`,
    );
    process.exit(1);
  }
  const waiting = unsealed.count > 0 ? `; ${unsealed.count} newer ${unsealed.count === 1 ? "event waits" : "events wait"} for their transaction to end before sealing` : "";
  console.log(`Audit chain intact: ${scope}${anchor ? `; anchor #${anchor.seq} present and unchanged` : ""}${waiting}.`);
}

main().catch(async (error) => {
  console.error(`Could not verify the audit chain: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(2);
});
