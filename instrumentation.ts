/**
 * Runs once when a Next server starts. It tells the database layer what to do when it opens the
 * database: load the demo data into an empty embedded database (or any empty one with
 * TRIALDESK_DEMO=1) — lib/seed/demo.ts. db/ imports nothing from lib/, so the app wires them here;
 * the seed code itself is loaded only when the database is opened. Background work (the rules'
 * scheduler, the mail dispatcher, the audit sealer) starts then too.
 */
import { isDatabaseUnavailable } from "./lib/db-errors";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onDatabaseOpen } = await import("./db");
  onDatabaseOpen(async (db, opened) => {
    const { loadDemoDataOnOpen } = await import("./lib/seed/demo");
    await loadDemoDataOnOpen(db, opened);
    // The rules' minute tick (lib/rules/scheduler.ts), the outbox's sender (lib/mail/dispatcher.ts)
    // and the audit sealer (lib/audit/seal-timer.ts) start with the database, never at build time.
    const [{ startScheduler }, { startMailDispatcher }, { startSealer }] = await Promise.all([
      import("./lib/rules/scheduler"),
      import("./lib/mail/dispatcher"),
      import("./lib/audit/seal-timer"),
    ]);
    startScheduler();
    startMailDispatcher();
    startSealer();
  });
}

/**
 * A request that failed because the database could not be reached: marked on the request's
 * context (lib/request-context.ts), so scripts/serve.mjs answers 503 with Retry-After rather than
 * Next's 500 — the App Router gives a failed render no say over its status. Synchronous on purpose:
 * the mark must be there before Next writes the error page's head. The store is looked up by its
 * registered symbol, not through the module, so this file imports nothing Node-only.
 */
export function onRequestError(error: unknown): void {
  if (!isDatabaseUnavailable(error)) return;
  const storage = (globalThis as Record<symbol, { getStore?: () => { databaseUnavailable?: boolean } | undefined } | undefined>)[Symbol.for("trialdesk.request-context")];
  const context = storage?.getStore?.();
  if (context) context.databaseUnavailable = true;
}
