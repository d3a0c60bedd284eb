/**
 * The scheduler: every minute, inside the app process, each time-based rule's due firings are
 * fired, each in a transaction of its own, as the system (no signed-in actor). Several app
 * instances may run it at once: a firing's key is taken once (./deliver.ts), so the others skip
 * it. Nothing is kept in memory between ticks, so a restart loses nothing — what fell due while the
 * app was down fires at the next tick, unless its rule's useful life is over (./due.ts).
 */
import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { ruleFirings } from "@/db/schema";
import { pruneBookkeeping } from "../housekeeping";
import { backgroundLoop } from "../background-loop";
import { writeAsSystem } from "../write/road";
import { fire } from "./deliver";
import { sendDigests } from "./digest";
import { RULES } from "./table";
import type { Rule, TimeTrigger } from "./types";

export const TICK_MS = 60_000;

type TimeRule = Rule & { trigger: TimeTrigger };
const TIME_RULES = RULES.filter((r): r is TimeRule => r.trigger.on === "time");

/** One tick: fires everything due at `now`; returns how many firings this instance made. */
export async function runDueRules(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  let fired = 0;
  for (const rule of TIME_RULES) {
    const firings = await db.transaction((tx) => rule.trigger.due(tx, now));
    if (firings.length === 0) continue;
    // Most candidates fired at an earlier tick: skip those without opening a transaction each.
    const keys = firings.map((f) => `${rule.id}:${f.key}`);
    const taken = new Set((await db.select({ key: ruleFirings.key }).from(ruleFirings).where(inArray(ruleFirings.key, keys))).map((r) => r.key));
    for (const firing of firings) {
      if (taken.has(`${rule.id}:${firing.key}`)) continue;
      if (await writeAsSystem(null, (w) => fire(w, rule, firing, { now }))) fired++;
    }
  }
  fired += await sendDigests(now);
  return fired;
}

/** Old sessions and counters are pruned (lib/housekeeping.ts) at most this often. */
const PRUNE_MS = 3_600_000;

let prunedAt = 0;

const scheduler = backgroundLoop("scheduler tick", {
  everyMs: TICK_MS,
  firstAfterMs: 5_000,
  run: async () => {
    await runDueRules();
    if (Date.now() - prunedAt >= PRUNE_MS) {
      prunedAt = Date.now();
      await pruneBookkeeping(await getDb());
    }
  },
});

/** Starts the minute tick once per process (idempotent). */
export const startScheduler = (): void => scheduler.start();
export const stopScheduler = (): void => scheduler.stop();
