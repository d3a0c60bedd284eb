/**
 * The contract between the speed layer and Drizzle (see the assumptions at the top of
 * ./drizzle-internals.ts). If an upgrade of drizzle-orm fails this file, read those assumptions
 * against the new version's session and prepared-query code before changing anything else.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db";
import * as schema from "@/db/schema";
import { sites, studies } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { renderSelect, runMappedOn, runOn, Switchboard, targetOf } from "./drizzle-internals";

withTestDb();

const root = path.resolve(import.meta.dirname, "..");
const json = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as { version: string; dependencies: Record<string, string> };

type Call = { method: string; args: unknown[] };

/** A stand-in postgres.js client: records each call, answers with no rows. */
function fakePostgres(calls: Call[], label: string): Record<string, unknown> {
  const client: Record<string, unknown> = {
    label,
    options: { parsers: {}, serializers: {} },
    unsafe: (...args: unknown[]) => {
      calls.push({ method: `${label}.unsafe`, args });
      const rows = Object.assign(Promise.resolve([]), { values: () => Promise.resolve([]) });
      return rows;
    },
    begin: (fn: (tx: unknown) => unknown) => Promise.resolve(fn(fakePostgres(calls, `${label}.tx`))),
  };
  return client;
}

/** A stand-in PGlite client: records each call, answers with no rows. */
function fakePglite(calls: Call[], label: string): Record<string, unknown> {
  return {
    label,
    query: (...args: unknown[]) => {
      calls.push({ method: `${label}.query`, args });
      return Promise.resolve({ rows: [], fields: [] });
    },
    transaction: (fn: (tx: unknown) => unknown) => Promise.resolve(fn(fakePglite(calls, `${label}.tx`))),
  };
}

/** Both fakes typed as the app's handle (the PGlite one is a different Drizzle class with the same surface). */
type Fake = Db & { $client: unknown };

const drivers = [
  { driver: "postgres.js", method: "unsafe", make: (calls: Call[]) => drizzlePostgres({ client: fakePostgres(calls, "pool") as never, schema }) as Fake },
  { driver: "PGlite", method: "query", make: (calls: Call[]) => drizzlePglite({ client: fakePglite(calls, "pool") as never, schema }) as unknown as Fake },
] as const;

describe("drizzle-orm is pinned exactly", () => {
  it("package.json names one exact version, and it is the one installed", () => {
    const wanted = json(path.join(root, "package.json")).dependencies["drizzle-orm"];
    expect(wanted).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json(path.join(root, "node_modules/drizzle-orm/package.json")).version).toBe(wanted);
  });
});

describe.each(drivers)("Drizzle's internals as the speed layer uses them: $driver", ({ method, make }) => {
  it("1. a handle's session client is its driver client: the pool's, then the transaction's own", async () => {
    const calls: Call[] = [];
    const db = make(calls);
    expect(targetOf(db).client).toBe(db.$client);
    expect(typeof targetOf(db).logger?.logQuery).toBe("function");
    await db.transaction(async (tx) => {
      const client = targetOf(tx).client as { label: string };
      expect(client).not.toBe(db.$client);
      expect(client.label).toBe("pool.tx");
    });
  });

  it("2. a prepared query calls its driver synchronously inside execute(); the switchboard runs it on the target given", async () => {
    const calls: Call[] = [];
    const db = make(calls);
    const board = await Switchboard.of(db);
    const prepared = board.db
      .select({ id: sites.id })
      .from(sites)
      .where(eq(sites.name, sql.placeholder("name")))
      .prepare("contract");
    const logged: unknown[] = [];
    await db.transaction(async (tx) => {
      const target = { ...targetOf(tx), logger: { logQuery: (query: string, params: unknown[]) => void logged.push([query, params]) } };
      const running = board.execute(prepared, target, { name: "North" });
      // Already sent, before execute() returned: the switchboard's target was still set.
      expect(calls.map((c) => c.method)).toEqual([`pool.tx.${method}`]);
      await running;
    });
    expect(calls[0]!.args.slice(0, 2)).toEqual([`select "id" from "sites" where "sites"."name" = $1`, ["North"]]);
    // The logger of the handle at hand saw it (tests count queries this way).
    expect(logged).toEqual([[`select "id" from "sites" where "sites"."name" = $1`, ["North"]]]);
  });

  it("2'. a query on the switchboard outside execute() fails loudly instead of running anywhere", async () => {
    const calls: Call[] = [];
    const board = await Switchboard.of(make(calls));
    const error = await board.db
      .select({ id: sites.id })
      .from(sites)
      .then(() => undefined, (err: Error) => err);
    // Drizzle wraps a driver's error in its own ("Failed query: …"), the reason as the cause.
    expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/internals changed/);
    expect(calls).toEqual([]);
  });

  it("3. getQuery() gives the rendered SQL text and its parameters, placeholders unfilled", async () => {
    const board = await Switchboard.of(make([]));
    const { sql: text, params } = board.db.select({ id: sites.id }).from(sites).where(eq(sites.name, sql.placeholder("name"))).prepare("contract").getQuery();
    expect(text).toBe(`select "id" from "sites" where "sites"."name" = $1`);
    expect(params).toEqual([sql.placeholder("name")]);
  });
});

describe("the test database's own driver", () => {
  it("runs a switchboard query inside a real transaction, on that transaction's connection", async () => {
    const db = await getDb();
    const board = await Switchboard.of(db);
    const count = board.db.select({ n: sql<number>`count(*)::int` }).from(sites).where(eq(sites.name, sql.placeholder("name"))).prepare("contract_count");
    await db
      .transaction(async (tx) => {
        await tx.insert(sites).values({ name: "Contract Uncommitted", timezone: "UTC" });
        expect(await board.execute(count, targetOf(tx), { name: "Contract Uncommitted" })).toEqual([{ n: 1 }]);
        tx.rollback();
      })
      .catch(() => {});
    expect(await board.execute(count, targetOf(db), { name: "Contract Uncommitted" })).toEqual([{ n: 0 }]);
  });

  it("4. rows fetched through the session with a select's fields map as awaiting the select does, joins included", async () => {
    const db = await getDb();
    await db.insert(sites).values({ name: "Contract Site Without Studies", timezone: "UTC" });
    const query = db.select({ site: sites, study: { id: studies.id, title: studies.title } }).from(sites).leftJoin(studies, eq(studies.siteId, sites.id)).orderBy(sites.name, studies.id);
    const expected = await query;
    expect(expected.some((r) => r.study === null)).toBe(true); // the left join's missing side maps to null
    const select = renderSelect(query);
    expect(select.fields).toBeTruthy();
    const fetched = await db.transaction(async (tx) => {
      await runOn(tx, `declare contract_cursor no scroll cursor for ${select.sql}`, select.params);
      const rows = await runMappedOn<(typeof expected)[number]>(tx, "fetch forward all from contract_cursor", select);
      await runOn(tx, "close contract_cursor");
      return rows;
    });
    expect(fetched).toEqual(expected);
  });
});
