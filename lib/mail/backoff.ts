/**
 * When a failed email is tried again. Deterministic (no jitter): every instance computes the same
 * next attempt from the row alone, and the tests can step `now` to it exactly. Jitter would only
 * spread a thundering herd, and the claim (SKIP LOCKED, ./dispatcher.ts) already keeps instances
 * from sending one row twice.
 *
 * 30 s, 1 min, 2, 4, 8, 16, 32 min: the 8th failure, about 64 minutes after the first, makes the row
 * dead — an outage longer than that is for a person to notice on /admin/outbox and retry.
 */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** Failures after which a row is dead (not tried again until an admin retries it). */
export const MAX_ATTEMPTS = 8;

/** The wait after a failure, given how many attempts had failed before it (0 for the first). */
export function backoffMs(previousAttempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, previousAttempts));
}
