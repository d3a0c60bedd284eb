/**
 * Reads a Drizzle select in batches through a database cursor, so an export of 100,000 rows never
 * holds more than one batch in this process (issue 12, finding 11).
 *
 * Why a cursor rather than keyset pages: every export keeps the order its list shows (any sort key,
 * nulls last, computed columns), and a cursor pages through exactly that query — one statement, one
 * snapshot, no row repeated or skipped when someone writes meanwhile. The rows are mapped by
 * Drizzle itself (the select's own fields and the driver's parsers), so a batch is what `await
 * query` would have returned.
 *
 * - PostgreSQL: a read-only REPEATABLE READ transaction on its own pooled connection holds a plain
 *   cursor; the count and the cursor see one snapshot, so the count is the number of rows sent.
 *   A client that stops reading would hold the connection: `idle_in_transaction_session_timeout`
 *   ends such a transaction (and the download) after CURSOR_IDLE_SECONDS.
 * - PGlite: one session serves the whole process and a transaction locks out every other request,
 *   so the cursor is declared `WITH HOLD` in a short transaction (PGlite materialises the rows on
 *   its side, spilling to its temp files) and fetched between other requests' queries.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { dbKind, getDb, type Db, type DbOrTx } from "@/db";
import { renderSelect, runMappedOn, runOn, type RenderedSelect } from "@/db/drizzle-internals";

export type SelectQuery<T> = PromiseLike<T[]>;

export const CURSOR_IDLE_SECONDS = 120;

export type RowCursor<T> = {
  /** How many rows the cursor will give (counted in its snapshot). */
  count: number;
  /** The next batch, or null when the cursor is spent (then it is closed). */
  next(): Promise<T[] | null>;
  /** Ends the cursor early (client went away, or an error); safe to call twice. */
  close(): Promise<void>;
};

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
}

async function countOf(handle: DbOrTx, text: string, params: unknown[]): Promise<number> {
  const [row] = rowsOf(await runOn(handle, `select count(*)::int as n from (${text}) as export_rows`, params));
  return Number(row?.n ?? 0);
}

function fetcher<T>(handle: DbOrTx, select: RenderedSelect, name: string, batchSize: number): () => Promise<T[]> {
  return () => runMappedOn<T>(handle, `fetch forward ${batchSize} from ${name}`, select);
}

/**
 * Opens a cursor over `query` (built on getDb()); fetch with next() until it returns null.
 * `onClose` runs once when the cursor is released, however that happens.
 */
export async function openCursor<T>(query: SelectQuery<T>, batchSize = 500, onClose: () => void = () => {}): Promise<RowCursor<T>> {
  // Drizzle internals (db/drizzle-internals.ts, assumption 4); this module's test holds a batch
  // equal to what awaiting the query gives.
  const select = renderSelect(query);
  const db = await getDb();
  const open = (await dbKind()) === "postgres" ? openPostgresCursor : openPgliteCursor;
  return open<T>(db, select, batchSize, onClose);
}

async function openPgliteCursor<T>(db: Db, select: RenderedSelect, batchSize: number, onClose: () => void): Promise<RowCursor<T>> {
  const { sql: text, params } = select;
  // Several exports may be open at once on the one session: each cursor gets its own name (ours,
  // never user input).
  const name = `export_${randomBytes(6).toString("hex")}`;
  const count = await db.transaction(async (tx) => {
    const n = await countOf(tx, text, params);
    await runOn(tx, `declare ${name} no scroll cursor with hold for ${text}`, params);
    return n;
  });
  return cursorOf(count, fetcher<T>(db, select, name, batchSize), async () => {
    await runOn(db, `close ${name}`);
  }, onClose);
}

async function openPostgresCursor<T>(db: Db, select: RenderedSelect, batchSize: number, onClose: () => void): Promise<RowCursor<T>> {
  const { sql: text, params } = select;
  // The transaction stays open while the download runs: its callback waits on `done`.
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const name = "export_rows_cursor"; // one per connection and transaction, so a fixed name suffices
  let ready!: (value: { tx: DbOrTx; count: number }) => void;
  let failed!: (error: unknown) => void;
  const opened = new Promise<{ tx: DbOrTx; count: number }>((resolve, reject) => ((ready = resolve), (failed = reject)));
  const transaction = db
    .transaction(
      async (tx) => {
        await runOn(tx, `set local idle_in_transaction_session_timeout = '${CURSOR_IDLE_SECONDS}s'`);
        const count = await countOf(tx, text, params);
        await runOn(tx, `declare ${name} no scroll cursor for ${text}`, params);
        ready({ tx, count });
        await done;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    )
    .catch((error: unknown) => failed(error));
  const { tx, count } = await opened;
  return cursorOf(count, fetcher<T>(tx, select, name, batchSize), async () => {
    finish();
    await transaction;
  }, onClose);
}

/**
 * next() until the rows run out, then the cursor is released; an error releases it too. A cursor
 * nobody reads for CURSOR_IDLE_SECONDS (a response the client never consumed) is released by a
 * timer, so an abandoned download cannot hold a connection or PGlite's materialised rows.
 */
function cursorOf<T>(count: number, fetch: () => Promise<T[]>, release: () => Promise<void>, onClose: () => void): RowCursor<T> {
  let open = true;
  let timer: NodeJS.Timeout | undefined;
  const close = async () => {
    clearTimeout(timer);
    if (!open) return;
    open = false;
    await release().catch(() => {});
    onClose();
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void close(), CURSOR_IDLE_SECONDS * 1000);
    timer.unref();
  };
  arm();
  return {
    count,
    close,
    async next() {
      if (!open) return null;
      clearTimeout(timer);
      const rows = await fetch().catch(async (error: unknown) => {
        await close();
        throw error;
      });
      if (rows.length === 0) {
        await close();
        return null;
      }
      arm();
      return rows;
    },
  };
}
