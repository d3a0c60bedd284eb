/**
 * Writes the whole demo data set inside the caller's transaction, with one audit row that says
 * what was created (a row per record would bury the real history under seed noise).
 */
import type { DbOrTx } from "@/db";
import { recordEvent } from "@/lib/write/road";
import { insertBase, type BaseCounts } from "./base";
import { buildDemoClinicalRows } from "./demo-clinical";
import { seedFollowUp } from "./follow-up";
import { insertClinicalRows } from "./insert";
import { countRows, type ClinicalCounts } from "./rows";

/** Changing it changes every name and status in the demo. */
export const DEMO_SEED = 20_250_611;

export type DemoCounts = BaseCounts & ClinicalCounts & { tasks: number; notifications: number };

export async function seedDemo(
  db: DbOrTx,
  opts: { passwordHash: string; now?: Date; seed?: number },
): Promise<DemoCounts> {
  const now = opts.now ?? new Date();
  const { context, counts: base } = await insertBase(db, { passwordHash: opts.passwordHash, now });
  const rows = buildDemoClinicalRows(context, opts.seed ?? DEMO_SEED);
  await insertClinicalRows(db, rows);
  const followUp = await seedFollowUp(db, now);
  const counts: DemoCounts = { ...base, ...countRows(rows), ...followUp };
  await recordEvent({
    actor: null,
    actorUsername: "system",
    entity: "system",
    action: "seed",
    changes: summary(counts),
    reason: "Demo data",
  }, db);
  return counts;
}

/** Audit `changes` are `{ field: [old, new] }`; a seed lists `{ table: [null, rows added] }`. */
export function summary(counts: Record<string, number>): Record<string, [null, number]> {
  return Object.fromEntries(Object.entries(counts).map(([table, n]) => [table, [null, n]]));
}
