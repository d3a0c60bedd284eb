/**
 * Runs once when a Next server starts. It tells the database layer what to do when it opens the
 * database: load the demo data into an empty embedded database (or any empty one with
 * TRIALDESK_DEMO=1) — lib/seed/demo.ts. db/ imports nothing from lib/, so the app wires them here;
 * the seed code itself is loaded only when the database is opened. Background work (the rules'
 * scheduler, the mail dispatcher) starts then too.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onDatabaseOpen } = await import("./db");
  onDatabaseOpen(async (db, opened) => {
    const { loadDemoDataOnOpen } = await import("./lib/seed/demo");
    await loadDemoDataOnOpen(db, opened);
    // The rules' minute tick (lib/rules/scheduler.ts) and the outbox's sender (lib/mail/dispatcher.ts)
    // start with the database, never at build time.
    const [{ startScheduler }, { startMailDispatcher }] = await Promise.all([import("./lib/rules/scheduler"), import("./lib/mail/dispatcher")]);
    startScheduler();
    startMailDispatcher();
  });
}
