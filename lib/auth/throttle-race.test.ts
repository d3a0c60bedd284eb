/**
 * The login throttle under parallel guesses: the counter is taken before the password check, so
 * however many guesses arrive at once, at most the allowed number reach argon2 (issue 12, finding 2).
 * On PostgreSQL (DATABASE_URL) the guesses run on separate connections, truly at the same time.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, makeUser } from "@/tests/fixtures";

const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      checks.count++;
      return real.verifyPassword(hash, password);
    },
  };
});

const { PAIR_LIMIT, authenticate } = await import("./credentials");

withTestDb();

async function actions(username: string) {
  const db = await testDb();
  const rows = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorUsername, username));
  return rows.map((r) => r.action);
}

describe("login throttle under parallel guesses", () => {
  beforeAll(async () => {
    await makeUser("racer", "sponsor", null);
  });

  it("lets at most the allowed number of 40 parallel wrong guesses reach the password check", async () => {
    checks.count = 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => authenticate({ username: "racer", password: `wrong-guess-${i}` }, "10.77.0.1")),
    );
    expect(checks.count).toBeLessThanOrEqual(PAIR_LIMIT.max);
    const failed = (await actions("racer")).filter((a) => a === "login.failed");
    expect(failed.length).toBeLessThanOrEqual(PAIR_LIMIT.max);
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBe(failed.length);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBe(40 - failed.length);
    // Still refused with the right password: the window is spent.
    expect(await authenticate({ username: "racer", password: FIXTURE_PASSWORD }, "10.77.0.1")).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});
