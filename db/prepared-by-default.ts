/**
 * Server-side prepared statements for every query on PostgreSQL — part of the speed layer
 * (docs/speed-layer.md).
 *
 * Drizzle asks postgres.js to prepare only queries given a name (`.prepare(name)`), so without this
 * PostgreSQL would parse and plan every list again on each request. postgres.js keeps one prepared
 * statement per query text and connection; the text of a query depends only on its shape (filters,
 * order, includes), never on its values, so the number of statements stays small.
 *
 * This wraps postgres.js's public `unsafe` (the call Drizzle sends every query through) on a client
 * we created, and does the same for each transaction (`begin`) and savepoint (`savepoint`) handle
 * postgres.js gives out. No Drizzle object is touched. The rule it relies on: **never put a value
 * into a query's text** (sql.raw of user input, an id spliced into SQL) — besides the injection risk,
 * each distinct text would become one more prepared statement on every connection.
 * Queries without parameters (migration scripts, `exec`) stay simple-protocol, as postgres.js does.
 */
import type postgres from "postgres";

type Client = postgres.Sql | postgres.TransactionSql;

export function preparedByDefault(client: Client): void {
  const unsafe = client.unsafe.bind(client);
  client.unsafe = ((query: string, args?: unknown[], options?: object) =>
    unsafe(query, args as never, { ...options, prepare: true })) as typeof client.unsafe;
  // Transactions (every write) get their own handle from begin(), nested ones from savepoint().
  for (const method of ["begin", "savepoint"] as const) {
    if (!(method in client)) continue;
    const target = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = target[method]!.bind(client);
    target[method] = (...args: unknown[]) => {
      const fn = args.at(-1) as (tx: postgres.TransactionSql) => unknown;
      return original(...args.slice(0, -1), (tx: postgres.TransactionSql) => {
        preparedByDefault(tx);
        return fn(tx);
      });
    };
  }
}
