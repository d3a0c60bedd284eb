import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { preparedByDefault } from "./prepared-by-default";

type Seen = { label: string; query: string; options: { prepare?: boolean } };

/** A stand-in postgres.js client that records the options each query was sent with. */
function fake(seen: Seen[], label: string): postgres.Sql {
  return {
    options: { parsers: {}, serializers: {} },
    unsafe: (query: string, _args: unknown[], options: { prepare?: boolean } = {}) => {
      seen.push({ label, query, options });
      return Object.assign(Promise.resolve([]), { values: () => Promise.resolve([]) });
    },
    begin: (fn: (tx: postgres.TransactionSql) => unknown) => Promise.resolve(fn(fake(seen, `${label}.tx`) as never)),
    savepoint: (fn: (tx: postgres.TransactionSql) => unknown) => Promise.resolve(fn(fake(seen, `${label}.sp`) as never)),
  } as unknown as postgres.Sql;
}

describe("preparedByDefault (postgres.js prepares every query Drizzle sends)", () => {
  it("on the pool, in a transaction and in a nested one (savepoint)", async () => {
    const seen: Seen[] = [];
    const client = fake(seen, "pool");
    preparedByDefault(client);
    const db = drizzle({ client });
    await db.execute(sql`select ${1}`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select ${2}`);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`select ${3}`);
      });
    });
    expect(seen.map((s) => [s.label, s.options.prepare])).toEqual([
      ["pool", true],
      ["pool.tx", true],
      ["pool.tx.sp", true],
    ]);
  });

  it.skipIf(!process.env.DATABASE_URL)("PostgreSQL keeps one prepared statement per query text and connection", async () => {
    const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      preparedByDefault(client);
      const db = drizzle({ client });
      const count = async () => Number((await client.unsafe("select count(*)::int as n from pg_prepared_statements", []))[0]!.n);
      await db.execute(sql`select ${"a"}::text as v`);
      const before = await count();
      for (const v of ["b", "c", "d"]) await db.execute(sql`select ${v}::text as v`);
      expect(await count()).toBe(before);
      await db.execute(sql`select ${"e"}::text as w`);
      expect(await count()).toBe(before + 1);
    } finally {
      await client.end({ timeout: 5 });
    }
  });
});
