/**
 * A real, migrated, empty database for one test file. Call `withTestDb()` at the top of the file;
 * lib functions then reach it through getDb(). `testDb()` returns the same handle for direct SQL.
 */
import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, getDb, installDatabase, type Db } from "@/db";
import * as schema from "@/db/schema";
import { withDatabase } from "./global-setup";
import { auditKeyConnection, postgresAuditKey, setAuditKeyStatement } from "@/db/audit-key";

/** The audit chain's key in tests: AUDIT_KEY when set, else the development default (db/audit-key.ts). */
export const testAuditKey = postgresAuditKey();

let raw: { exec: (sql: string) => Promise<unknown> } | undefined;

/**
 * Counts the statements the app sends, so tests can hold a page to a fixed number of queries.
 * Bookkeeping (rate-limit counters, API paging counts — getBookkeepingDb, its own pool in
 * production) is counted apart: a reader's "one query" is about the records it reads.
 */
const counter = { queries: 0, bookkeeping: 0 };
const logger = { logQuery: () => void counter.queries++ };
const bookkeepingLogger = { logQuery: () => void counter.bookkeeping++ };

/** How many SQL statements `fn` sent to the database. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number; bookkeeping: number }> {
  const start = { ...counter };
  const result = await fn();
  return { result, queries: counter.queries - start.queries, bookkeeping: counter.bookkeeping - start.bookkeeping };
}

export function withTestDb(): void {
  beforeAll(async () => {
    const template = inject("pgTemplate");
    const url = process.env.DATABASE_URL;
    if (url && template) {
      const postgres = (await import("postgres")).default;
      const { drizzle } = await import("drizzle-orm/postgres-js");
      const name = `trialdesk_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      const client = postgres(withDatabase(url, name), {
        max: 5,
        onnotice: () => {},
        connection: { TimeZone: "UTC", ...auditKeyConnection(testAuditKey) },
      });
      raw = { exec: (sql) => client.unsafe(sql) };
      installDatabase(
        drizzle(client, { schema, logger }),
        "postgres",
        async () => {
          await client.end({ timeout: 5 });
          await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        },
        drizzle(client, { schema, logger: bookkeepingLogger }),
      );
      return;
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const file = inject("pgliteSnapshot");
    if (!file) throw new Error("tests/global-setup.ts did not build a database snapshot");
    const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]) });
    await client.exec("SET TIME ZONE 'UTC'");
    await client.exec(setAuditKeyStatement(testAuditKey));
    raw = { exec: (sql) => client.exec(sql) };
    installDatabase(drizzle(client, { schema, logger }) as unknown as Db, "pglite", () => client.close(), drizzle(client, { schema, logger: bookkeepingLogger }) as unknown as Db);
  });
  afterAll(async () => {
    await closeDb();
    raw = undefined;
  });
}

export const testDb = (): Promise<Db> => getDb();

/** Plain SQL on the test database, for what the app must not be able to do (tamper, bypass). */
export function rawSql(sql: string): Promise<unknown> {
  if (!raw) throw new Error("withTestDb() has not run");
  return raw.exec(sql);
}
