/**
 * Whether pages show the "Demo data — not for real subjects" banner: while a demo account can still
 * be used with the published password (./demo-accounts.ts, demoAccountsActive).
 *
 * Every page's layout asks, so the answer is kept per process for DEMO_BANNER_TTL_MS: checking the
 * accounts is one indexed query (plus one argon2 verification per process, remembered per hash),
 * cheap but not free on every request, and the answer changes only when someone runs
 * `npm run setup:admin -- --remove-demo` or changes a demo password — usually in another process,
 * so the removal is seen within the TTL rather than at once.
 * A failed check shows no banner (and is not cached): the page itself will report the database.
 */
import "server-only";
import { logError } from "../log";
import { demoAccountsActive } from "./demo-accounts";

export const DEMO_BANNER_TTL_MS = 30_000;

const cache: { value?: boolean; until: number; pending?: Promise<boolean> } = { until: 0 };

export async function showDemoBanner(now = Date.now()): Promise<boolean> {
  if (cache.value !== undefined && now < cache.until) return cache.value;
  cache.pending ??= demoAccountsActive()
    .then((value) => {
      cache.value = value;
      cache.until = Date.now() + DEMO_BANNER_TTL_MS;
      return value;
    })
    .catch((error) => {
      logError("demo banner check failed", error);
      return false;
    })
    .finally(() => {
      cache.pending = undefined;
    });
  return cache.pending;
}

/** Forget the cached answer (tests; a removal in this process). */
export function resetDemoBanner(): void {
  cache.value = undefined;
  cache.until = 0;
}
