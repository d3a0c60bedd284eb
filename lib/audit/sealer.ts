/**
 * The audit sealer (drizzle/0007, docs/architecture.md "Audit trail"): chains the events of
 * finished transactions into `audit_seals`, so writers never wait on one another for the chain.
 * Each app instance runs a pass every SEAL_EVERY_MS; the database function takes a try-lock, so
 * one instance seals at a time and the others skip that tick. `npm run audit:verify` and the audit
 * page seal before they verify, so events written while no app ran (a seed, a script) are sealed
 * then too. No "server-only": the CLI scripts load it.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { resultRows } from "../rate-limit";

export const SEAL_EVERY_MS = 500;

/** One sealing pass: how many events it sealed, or -1 when another session was sealing. */
export async function sealAudit(db: DbOrTx): Promise<number> {
  const [row] = resultRows<{ n: number }>(await db.execute(sql`select audit_seal() as n`));
  return Number(row?.n ?? 0);
}

/**
 * Seals until every event of a finished transaction is sealed, waiting out another session's pass
 * (tests and scripts that want the chain complete before they look).
 */
export async function sealAll(db: DbOrTx, timeoutMs = 10_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let sealed = 0;
  for (;;) {
    const n = await sealAudit(db);
    if (n > 0) sealed += n;
    if (n === 0) return sealed;
    if (Date.now() > until) throw new Error("The audit sealer stayed busy: another session holds the sealing lock.");
    if (n < 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
