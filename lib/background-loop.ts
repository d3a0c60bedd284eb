/**
 * Background work the app process repeats on a timer — the rules' scheduler (lib/rules/scheduler.ts),
 * the mail dispatcher (lib/mail/dispatcher.ts), the audit sealer (lib/audit/seal-timer.ts) — in one
 * shape: started once per process (the state lives on globalThis: Next may evaluate a module more
 * than once, and two loops would only compete), a slow run never overtaken by the next tick, a
 * failure logged rather than thrown — at most once per `logEveryMs` when given, so a database
 * outage does not write a line a tick. Started by instrumentation.ts, never at build time.
 */
import "server-only";
import { logError } from "./log";

export type BackgroundLoop = {
  /** Starts ticking every `everyMs` (or the interval given); a second start is a no-op. */
  start(everyMs?: number): void;
  stop(): void;
  /** Whether the loop is started: a long run may stop early once it is not. */
  readonly active: boolean;
};

type State = { timer?: ReturnType<typeof setInterval>; running: boolean; loggedAt: number };

export function backgroundLoop(
  name: string,
  options: { everyMs: number; run: () => Promise<unknown>; firstAfterMs?: number; logEveryMs?: number },
): BackgroundLoop {
  const holder = globalThis as Record<string, unknown>;
  const state = (holder[`__trialdeskLoop:${name}`] ??= { running: false, loggedAt: 0 }) as State;

  async function tick(): Promise<void> {
    if (state.running) return;
    state.running = true;
    try {
      await options.run();
    } catch (error) {
      if (!options.logEveryMs || Date.now() - state.loggedAt >= options.logEveryMs) {
        state.loggedAt = Date.now();
        logError(name, error);
      }
    } finally {
      state.running = false;
    }
  }

  return {
    start(everyMs = options.everyMs) {
      if (state.timer) return;
      state.timer = setInterval(() => void tick(), everyMs);
      state.timer.unref?.();
      if (options.firstAfterMs !== undefined) setTimeout(() => void tick(), options.firstAfterMs).unref?.();
    },
    stop() {
      if (state.timer) clearInterval(state.timer);
      state.timer = undefined;
    },
    get active() {
      return state.timer !== undefined;
    },
  };
}
