/**
 * The list and single-record reads every API resource shares: authorise the read, page with the
 * keyset cursor, and look one record up by id (a malformed id is a 404, like a foreign site's).
 * Each resource supplies only its site-scoped `select` (columns, embeds, scope), its orders and
 * its filters.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type Db, type DbOrTx } from "@/db";
import { reusableQuery } from "@/db/reusable";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { authorize, scopeKey, type Action } from "../policy";
import { jsonObject, JsonPage } from "./json-select";
import { keyset, pageFrom, parseOrder, type OrderField, type Page } from "./list";
import { isUuid } from "./resources/common";

/** The shared part of every parsed list query (lib/api/list.ts listQueryShape). */
export type PageQuery = { order: string; cursor?: string; limit: number; include: ReadonlySet<string> };

type Prepared<Row> = { execute(values: Record<string, unknown>): Promise<Row[]> };
type Limited<Row> = { limit(n: number): PromiseLike<Row[]> & { prepare(name: string): Prepared<Row> } };
type Paged<Row> = Limited<Row> & { orderBy(...columns: SQL[]): Limited<Row> };

/**
 * The resource's site-scoped query: its columns and `_key` (the order value), embeds joined in.
 * It may depend on the actor only through what policy's scopeKey() names (role, status, site, grants),
 * and on nothing else but `where`, `include` and `key`: single-record reads cache it per shape.
 */
export type SelectRows<Row> = (db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>) => Paged<Row>;

export function resourceReader<Row extends { id: string; _key: string }, Q extends PageQuery>(def: {
  read: Action;
  notFound: string;
  idColumn: AnyPgColumn;
  order: Record<string, OrderField>;
  select: SelectRows<Row>;
  /** The list query's filters as SQL conditions (undefined = not filtered). */
  filters: (q: Q) => (SQL | undefined)[];
}) {
  // Building a Drizzle query costs more CPU than running it (≈ 150 µs for a visit with its flag
  // and scope). A record read — GET by id, and the read-back after every API write — runs one of
  // few shapes, so each shape is built once, with the id as a placeholder, and reused.
  const getQuery = reusableQuery<Row[]>(`get_${def.read}`);

  return {
    async list(actor: Actor, q: Q): Promise<Page<Omit<Row, "_key">>> {
      authorize(actor, def.read);
      const { field, descending } = parseOrder(q.order);
      const page = keyset(def.order[field]!, descending, def.idColumn, q.cursor);
      const rows = await def
        .select(await getDb(), actor, and(...def.filters(q), page.after), q.include, page.key)
        .orderBy(...page.orderBy)
        .limit(q.limit + 1);
      return pageFrom(rows, q.limit);
    },
    /** The same page, each row built as JSON text by the database (REST; see ./json-select). */
    async listJson(actor: Actor, q: Q): Promise<JsonPage> {
      authorize(actor, def.read);
      const { field, descending } = parseOrder(q.order);
      const page = keyset(def.order[field]!, descending, def.idColumn, q.cursor);
      const db = await getDb();
      // The resource's own query, with its selection folded into one JSON column.
      const asJson = {
        select: (fields: Record<string, unknown>) => {
          const { _key, ...record } = fields;
          return db.select({ id: def.idColumn, _key: _key as SQL<string>, json: sql<string>`${jsonObject(record)}::text` });
        },
      } as unknown as Db;
      const rows = (await def
        .select(asJson, actor, and(...def.filters(q), page.after), q.include, page.key)
        .orderBy(...page.orderBy)
        .limit(q.limit + 1)) as unknown as { id: string; _key: string; json: string }[];
      const { data, nextCursor } = pageFrom(rows, q.limit);
      return new JsonPage(
        data.map((r) => r.json),
        nextCursor,
      );
    },
    async get(actor: Actor, id: string, include: ReadonlySet<string> = new Set()): Promise<Omit<Row, "_key">> {
      authorize(actor, def.read);
      if (!isUuid(id)) throw new NotFoundError(def.notFound);
      const shape = `${scopeKey(actor)}|${[...include].sort().join(",")}`;
      const build = (db: DbOrTx) => def.select(db as Db, actor, eq(def.idColumn, sql.placeholder("id")), include, sql<string>`''`).limit(1);
      const [row] = await getQuery(await getDb(), shape, build, { id });
      if (!row) throw new NotFoundError(def.notFound);
      const { _key, ...record } = row;
      void _key;
      return record;
    },
  };
}
