import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backgroundLoop } from "./background-loop";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

let n = 0;
const unique = () => `test loop ${++n}`;

describe("backgroundLoop", () => {
  it("ticks every interval once started, once however often it is started, and stops", async () => {
    let runs = 0;
    const loop = backgroundLoop(unique(), { everyMs: 10, run: async () => void runs++ });
    loop.start();
    loop.start();
    expect(loop.active).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    expect(runs).toBe(5);
    loop.stop();
    expect(loop.active).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(runs).toBe(5);
  });

  it("never overlaps itself: a slow run is not overtaken by the next tick", async () => {
    let runs = 0;
    let finish!: () => void;
    const loop = backgroundLoop(unique(), { everyMs: 10, run: () => (runs++, new Promise<void>((resolve) => (finish = resolve))) });
    loop.start();
    await vi.advanceTimersByTimeAsync(55);
    expect(runs).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toBe(2);
    loop.stop();
  });

  it("keeps ticking after a failure, and runs a first tick early when asked", async () => {
    let runs = 0;
    const loop = backgroundLoop(unique(), {
      everyMs: 1000,
      firstAfterMs: 5,
      logEveryMs: 60_000,
      run: async () => {
        runs++;
        throw new Error("database unreachable");
      },
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(5);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(3);
    loop.stop();
  });
});
