/**
 * A database that went away is a 503 with Retry-After, not a 500 (docs/architecture.md, "Faults"):
 * the errors here are real ones, from postgres.js against a port nobody listens on and — on
 * PostgreSQL — a terminated backend and a database that refuses connections.
 */
import net from "node:net";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { problemOf } from "./api/http/problem";
import { isDatabaseUnavailable, isUniqueViolation } from "./db-errors";

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

function expect503(error: unknown) {
  expect(isDatabaseUnavailable(error)).toBe(true);
  const { problem, headers } = problemOf(error);
  expect(problem.status).toBe(503);
  expect(headers["retry-after"]).toMatch(/^\d+$/);
  expect(JSON.stringify(problem)).not.toMatch(/127\.0\.0\.1|select|postgres/i);
}

describe("a database that cannot be reached", () => {
  it("is a 503 with Retry-After when the connection is refused", async () => {
    const sql = postgres(`postgres://postgres@127.0.0.1:${await closedPort()}/none`, { max: 1, connect_timeout: 2, onnotice: () => {} });
    expect503(await errorOf(() => sql`select 1`));
    await sql.end({ timeout: 1 });
  });

  it("is not how other database errors are read", () => {
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("other"), { code: "55000" }))).toBe(false);
    expect(problemOf(new Error("boom")).problem.status).toBe(500);
  });

  const url = process.env.DATABASE_URL;
  it.runIf(url)("is a 503 when the backend is terminated mid-session (PostgreSQL)", async () => {
    const victim = postgres(url!, { max: 1, onnotice: () => {} });
    const [row] = await victim`select pg_backend_pid() as pid`;
    const pid = (row as { pid: number }).pid;
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    const pending = errorOf(() => victim`select pg_sleep(5)`);
    await new Promise((r) => setTimeout(r, 200));
    await admin`select pg_terminate_backend(${pid})`;
    expect503(await pending);
    await Promise.all([victim.end({ timeout: 1 }), admin.end({ timeout: 1 })]);
  });

  it.runIf(url)("fails the next statement of a transaction's connection whose backend died, instead of hanging (PostgreSQL; porsager/postgres#1208, patched in patches/)", async () => {
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => void uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    const answer = (query: Promise<unknown>) => Promise.race([errorOf(() => query), new Promise((resolve) => setTimeout(() => resolve("no answer"), 3000))]);
    try {
      // The socket meets the termination in one of two ways — closed cleanly, or reset (ECONNRESET)
      // under the statement after it — each way had its own hang; a few rounds meet both.
      for (let round = 0; round < 20; round++) {
        const sql = postgres(url!, { max: 2, onnotice: () => {} });
        try {
          // A reserved connection is what a transaction holds (sql.begin).
          const reserved = await sql.reserve();
          const [row] = await reserved`select pg_backend_pid() as pid`;
          const pid = (row as { pid: number }).pid;
          await admin`select pg_terminate_backend(${pid})`;
          for (let i = 0; i < 100; i++) {
            const [alive] = await admin`select count(*)::int as n from pg_stat_activity where pid = ${pid}`;
            if ((alive as { n: number }).n === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          // Unpatched, the statement after the dead one either deferred its write to a setImmediate
          // that threw on the closed socket (an uncaught exception), or was written to a socket the
          // reset had destroyed and never failed: both left a promise that never settled.
          const first = await answer(reserved`select 1`);
          const next = await answer(reserved`select 1`);
          expect(first, `round ${round}`).not.toBe("no answer");
          expect(next, `round ${round}`).not.toBe("no answer");
          expect503(next);
          await new Promise((resolve) => setImmediate(resolve));
          expect(uncaught).toEqual([]);
          reserved.release();
        } finally {
          await sql.end({ timeout: 1 });
        }
      }
    } finally {
      process.off("uncaughtException", onUncaught);
      await admin.end({ timeout: 1 });
    }
  });

  it.runIf(url)("is a 503 when the database refuses new connections (PostgreSQL)", async () => {
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    const name = `trialdesk_closed_${process.pid}`;
    await admin.unsafe(`create database ${name}`);
    await admin.unsafe(`alter database ${name} with allow_connections false`);
    try {
      const target = new URL(url!);
      target.pathname = `/${name}`;
      const sql = postgres(target.toString(), { max: 1, onnotice: () => {} });
      expect503(await errorOf(() => sql`select 1`));
      await sql.end({ timeout: 1 });
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
