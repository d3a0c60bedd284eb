/**
 * Runs the audit sealer (./sealer.ts) every SEAL_EVERY_MS in this app process, started with the
 * database (instrumentation.ts) like the rules' scheduler. While the database is unreachable the
 * passes fail quietly: one log line a minute, not two a second.
 */
import "server-only";
import { getDb } from "@/db";
import { logError } from "../log";
import { SEAL_EVERY_MS, sealAudit } from "./sealer";

type State = { timer?: ReturnType<typeof setInterval>; running: boolean; loggedAt: number };
const state = ((globalThis as Record<string, unknown>).__trialdeskSealer ??= { running: false, loggedAt: 0 }) as State;

async function pass(): Promise<void> {
  if (state.running) return; // a slow pass is not overtaken by the next
  state.running = true;
  try {
    await sealAudit(await getDb());
  } catch (error) {
    if (Date.now() - state.loggedAt > 60_000) {
      state.loggedAt = Date.now();
      logError("audit sealer", error);
    }
  } finally {
    state.running = false;
  }
}

/** Starts the sealing timer once per process (idempotent). */
export function startSealer(): void {
  if (state.timer) return;
  state.timer = setInterval(() => void pass(), SEAL_EVERY_MS);
  state.timer.unref?.();
}

export function stopSealer(): void {
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
}
