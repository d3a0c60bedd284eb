/**
 * The list and single-record reads every API resource shares: authorise the read, page with the
 * keyset cursor, and look one record up by id (a malformed id is a 404, like a foreign site's).
 * Each resource supplies only its model and the fields it carries (the model says which table,
 * which columns and which policy action; one `modelSelect` builds every query), anything it
 * computes or joins, its scope, its orders and its filters.
 */
import "server-only";
import { and, eq, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { getDb, type Db, type DbOrTx } from "@/db";
import { reusableQuery, type Preparable } from "@/db/reusable";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { authorize, scopeKey, type Action } from "../policy";
import type { Join } from "../read-model/joins";
import { RETIRED_FILTERS, type RetiredFilter } from "../read-model/visible";
import { jsonObject, JsonPage } from "./json-select";
import { countPagedRecords } from "../export/paging-audit";
import { decodeCursor, keyset, orderField, pageFrom, parseOrder, type Page } from "./list";
import { isUuid } from "./resources/common";

/** The shared part of every parsed list query (lib/api/list.ts listQueryShape). */
export type PageQuery = { order: string; cursor?: string; limit: number; include: ReadonlySet<string> };

/** A retirable resource's `retired` choice (lib/api/list.ts retiredQuery); "exclude" for any other list. */
function retiredOf(q: PageQuery): RetiredFilter {
  const value = (q as { retired?: unknown }).retired;
  return RETIRED_FILTERS.find((f) => f === value) ?? "exclude";
}

type JsonRow = { id: string; _key: string; json: string };
type Limited<Row> = { limit(n: number): PromiseLike<Row[]> & Preparable<Row[]> };
type Paged<Row> = Limited<Row> & { orderBy(...columns: SQL[]): Limited<Row> };

/**
 * The resource's site-scoped query: its columns and `_key` (the order value), embeds joined in.
 * It may depend on the actor only through what policy's scopeKey() names (role, status, site, grants),
 * and on nothing else but `where`, `include`, `key` and `retired` (which rows `visibleTo` lets through;
 * a single record is never a retired one): single-record reads cache it per shape.
 */
export type SelectRows<Row> = (
  db: Db,
  actor: Actor,
  where: SQL | undefined,
  include: ReadonlySet<string>,
  key: SQL<string>,
  retired?: RetiredFilter,
) => Paged<Row>;

/** A list's filters: for each filtering query field, its condition on the (placeholder) value. */
export type ListFilters<Q> = { [K in keyof Q]?: (value: Placeholder) => SQL };
type FiltersOf<Q> = ListFilters<Q> & { readonly __query?: Q };
/** `listFilters<VisitListQuery>()({ studyId: (v) => eq(visits.studyId, v), … })` — typed by the query. */
export const listFilters =
  <Q>() =>
  (filters: ListFilters<Q>): FiltersOf<Q> =>
    filters;

/** A dynamic Drizzle query (`.$dynamic()`), as far as a resource's select joins and filters it. */
type Dynamic = {
  innerJoin(table: never, on: SQL): Dynamic;
  leftJoin(table: never, on: SQL): Dynamic;
  where(where: SQL | undefined): unknown;
};
/** A read model's embeds (lib/read-model/model.ts includes()). */
type Embeds<E> = { fields(actor: Actor, include: ReadonlySet<string>): E; join<D extends Dynamic>(query: D, include: ReadonlySet<string>): D };

/** Where a resource's rows come from, and which of them an actor may read. */
export type ModelSource<F, E> = {
  /** The resource's table. */
  table: PgTable;
  /** The record's columns for this actor: its model's `pick(actor, FIELDS)`, then any computed ones. */
  columns: (actor: Actor) => F;
  /** Tables the columns need, joined before the embeds' (a visit's site, an AE's live signature). */
  joins?: { inner?: Join; left?: Join };
  includes?: Embeds<E>;
  /**
   * Which rows the actor may read (with `retired`, which of the retired ones `visibleTo` lets
   * through); none when the reader's action is an administrator's, who reads every row.
   */
  scope?: (actor: Actor, retired: RetiredFilter | undefined) => SQL | undefined | (SQL | undefined)[];
};

type RowOf<F, E> = SelectResultFields<F & { _key: SQL<string> } & E> & { id: string; _key: string };

/**
 * A resource's site-scoped query from its source: `SELECT {columns}, {key} AS _key, {embeds}
 * FROM table [JOIN …] [embeds' joins] WHERE {scope} AND {where}`.
 */
export function modelSelect<F extends Record<string, unknown>, E extends Record<string, unknown> = Record<never, never>>(
  source: ModelSource<F, E>,
): SelectRows<RowOf<F, E>> {
  return (db, actor, where, include, key, retired) => {
    const selection = { ...source.columns(actor), _key: key, ...source.includes?.fields(actor, include) };
    const query = db.select(selection as never).from(source.table as never).$dynamic() as unknown as Dynamic;
    const { inner, left } = source.joins ?? {};
    if (inner) query.innerJoin(inner[0] as never, inner[1]);
    if (left) query.leftJoin(left[0] as never, left[1]);
    const scope = source.scope ? [source.scope(actor, retired)].flat() : [];
    return (source.includes?.join(query, include) ?? query).where(and(...scope, where)) as Paged<RowOf<F, E>>;
  };
}

/**
 * What a resource reads through: a read model (lib/read-model/model.ts) or, for the administration's
 * resources and a person's tokens, a columns model (./resources/columns-model.ts). Its columns are
 * one table's: their `id` is the record's id, and its table is the one the reader selects from.
 */
export type ReaderModel = {
  /** The policy action reading a record takes. */
  read: Action;
  columns: { id: AnyPgColumn } & Record<string, AnyPgColumn>;
  /** Every column as this actor may read it (what `pick` picks from). */
  fields(actor: Actor): Record<string, unknown>;
  pick(actor: Actor, keys: readonly string[]): Record<string, unknown>;
};

/** "visit schedule item" → "Visit schedule item not found." */
const notFoundOf = (noun: string) => `${noun.charAt(0).toUpperCase()}${noun.slice(1)} not found.`;

/**
 * A resource's reader: `list` (a page of rows), `listJson` (the same page, each row built as JSON
 * text by the database, for REST) and `get` (one record by id), of the `fields` of `model` (the same
 * keys its output schema documents) — the read authorised by the model's action.
 */
export function resourceReader<
  M extends ReaderModel,
  const K extends keyof ReturnType<M["fields"]> & string,
  Q extends PageQuery,
  X extends Record<string, unknown> = Record<never, never>,
  E extends Record<string, unknown> = Record<never, never>,
>(
  model: M,
  fields: readonly K[],
  def: Omit<ModelSource<Pick<ReturnType<M["fields"]>, K> & X, E>, "table" | "columns"> & {
    /** What a record is called in a 404's words ("visit schedule item": "Visit schedule item not found."). */
    noun: string;
    /** Columns the record carries beyond its model's (a visit's out-of-window flag). */
    computed?: (actor: Actor) => X;
    /** The orders the list offers (its query's `order`): each the model's column of that name. */
    order: readonly (keyof M["columns"] & string)[];
    /**
     * The list query's filters: for each query field that filters, its condition on a value. The
     * value arrives as a placeholder (the query is rendered once per shape and reused), filled with
     * the field's value as the query schema parsed it; a field left out of the request filters nothing.
     */
    filters: FiltersOf<Q>;
  },
) {
  type F = Pick<ReturnType<M["fields"]>, K> & X;
  type Row = RowOf<F, E>;
  const { read } = model;
  const notFound = notFoundOf(def.noun);
  const idColumn = model.columns.id;
  const select = modelSelect<F, E>({
    table: idColumn.table as PgTable,
    columns: (actor) => ({ ...model.pick(actor, fields), ...def.computed?.(actor) }) as F,
    joins: def.joins,
    includes: def.includes,
    scope: def.scope,
  });
  const orders = new Map(def.order.map((k) => [k as string, orderField(model.columns[k] as AnyPgColumn)]));
  // Rendering a Drizzle query costs more CPU than running it (≈ 150 µs for a visit with its flag
  // and scope, more for a list page with embeds). Every read runs one of few shapes, so each shape
  // is rendered once (db/reusable) and filled from placeholders: the id, the filters, the cursor.
  const getQuery = reusableQuery<Row[]>(`get_${read}`);
  const listQuery = reusableQuery<Row[]>(`list_${read}`);
  const listJsonQuery = reusableQuery<JsonRow[]>(`list_json_${read}`);

  /**
   * A list page's shape — who asks (scope), embeds, order, which filters, whether after a cursor —
   * the values that fill it, and how to build it (run only the first time a shape is seen).
   */
  function listShape(actor: Actor, q: Q) {
    const { field, descending } = parseOrder(q.order);
    const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
    const filtered = (Object.keys(def.filters) as (keyof ListFilters<Q> & string)[]).filter((k) => q[k] !== undefined);
    const values: Record<string, unknown> = { limit: q.limit + 1, ...(cursor ? { cursorValue: cursor.v, cursorId: cursor.id } : {}) };
    for (const k of filtered) values[k] = q[k];
    const retired = retiredOf(q);
    const key = [scopeKey(actor), [...q.include].sort().join(","), q.order, filtered.join(","), cursor ? "after" : "", retired].join("|");
    const build = (db: Db) => {
      const page = keyset(orders.get(field)!, descending, idColumn, Boolean(cursor));
      const where = and(...filtered.map((k) => def.filters[k]!(sql.placeholder(k))), page.after);
      return select(db, actor, where, q.include, page.key, retired)
        .orderBy(...page.orderBy)
        .limit(sql.placeholder("limit") as unknown as number);
    };
    return { key, values, build };
  }

  return {
    async list(actor: Actor, q: Q): Promise<Page<Omit<Row, "_key">>> {
      authorize(actor, read);
      const { key, values, build } = listShape(actor, q);
      const page = pageFrom(await listQuery(await getDb(), key, (db) => build(db as Db), values), q.limit);
      await countPagedRecords(actor, model, page.data.length); // paging as an export (lib/export/paging-audit)
      return page;
    },
    /** The same page, each row built as JSON text by the database (REST; see ./json-select). */
    async listJson(actor: Actor, q: Q): Promise<JsonPage> {
      authorize(actor, read);
      const { key, values, build } = listShape(actor, q);
      // The resource's own query, with its selection folded into one JSON column.
      const asJson = (db: DbOrTx) =>
        ({
          select: (fields: Record<string, unknown>) => {
            const { _key, ...record } = fields;
            return db.select({ id: idColumn, _key: _key as SQL<string>, json: sql<string>`${jsonObject(record)}::text` });
          },
        }) as unknown as Db;
      const rows = await listJsonQuery(await getDb(), key, (db) => build(asJson(db)) as unknown as Preparable<JsonRow[]>, values);
      const { data, nextCursor } = pageFrom(rows, q.limit);
      await countPagedRecords(actor, model, data.length);
      return new JsonPage(
        data.map((r) => r.json),
        nextCursor,
      );
    },
    async get(actor: Actor, id: string, include: ReadonlySet<string> = new Set()): Promise<Omit<Row, "_key">> {
      authorize(actor, read);
      if (!isUuid(id)) throw new NotFoundError(notFound);
      const shape = `${scopeKey(actor)}|${[...include].sort().join(",")}`;
      const build = (db: DbOrTx) => select(db as Db, actor, eq(idColumn, sql.placeholder("id")), include, sql<string>`''`).limit(1);
      const [row] = await getQuery(await getDb(), shape, build, { id });
      if (!row) throw new NotFoundError(notFound);
      const { _key, ...record } = row;
      void _key;
      return record;
    },
  };
}
