/**
 * What a read model is: an entity's readable columns, and which of them identify a person (or are
 * free text about one) with how each reaches someone who may not see identifiers — withheld
 * (NULL) or cut to the year. Every read of the entity (pages, REST, GraphQL, embeds, the timeline,
 * CSV, history) selects through `fields(actor)` or `pick(actor, keys)`, so the de-identification
 * is decided in SQL once per entity: for a sponsor the value never leaves the database, and a new
 * read path cannot forget it.
 */
import type { SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../actor";
import { birthDate, identifying, identifyingInstant, withheld } from "../deidentify-sql";
import { canSeeIdentifiers, type Action } from "../policy";

/** How an identifying column reaches someone who may not see identifiers. */
export type Deidentify = "withhold" | "year";

type Columns = Record<string, AnyPgColumn>;
type Identifying<C extends Columns> = { readonly [K in keyof C]?: Deidentify };

/** A column as selected: itself, or (identifying) an expression of its type that may be NULL. */
export type Field<C extends AnyPgColumn, D> = D extends Deidentify ? SQL<(D extends "year" ? string : C["_"]["data"]) | null> : C;
export type Fields<C extends Columns, I extends Identifying<C>> = { [K in keyof C]: Field<C[K], I[K]> };

/** The SQL one identifying column is selected as, for this actor. */
function shown(actor: Actor, column: AnyPgColumn, how: Deidentify): SQL {
  if (how === "year") return birthDate(actor, column);
  if (column.columnType === "PgTimestamp") return identifyingInstant(actor, column);
  if (column.columnType === "PgText") return identifying(actor, column);
  return canSeeIdentifiers(actor) ? identifying(actor, column) : withheld(column);
}

export function readModel<const C extends Columns, const I extends Identifying<C>, const A extends string>(def: {
  /** The entity's name in the audit trail and in live events. */
  audit: A;
  /** The policy action that reading a record takes: also what a live event about one needs. */
  read: Action;
  columns: C;
  identifying: I;
}) {
  const fields = (actor: Actor): Fields<C, I> => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(def.columns)) {
      const how = (def.identifying as Record<string, Deidentify | undefined>)[key];
      out[key] = how ? shown(actor, column, how) : column;
    }
    return out as Fields<C, I>;
  };
  return {
    audit: def.audit,
    read: def.read,
    columns: def.columns,
    identifying: def.identifying as Readonly<Record<string, Deidentify | undefined>>,
    /** Every readable column, de-identified for this actor. */
    fields,
    /** Some of them, in the order given. */
    pick<const K extends keyof C & string>(actor: Actor, keys: readonly K[]): Pick<Fields<C, I>, K> {
      const all = fields(actor);
      return Object.fromEntries(keys.map((k) => [k, all[k]])) as Pick<Fields<C, I>, K>;
    },
  };
}

export type ReadModel = ReturnType<typeof readModel>;

/** A dynamic Drizzle query (`.$dynamic()`) that more tables can be joined to. */
type Joinable = { innerJoin(table: never, on: SQL): unknown };
type Include = { join?: readonly [table: unknown, on: SQL]; fields: (actor: Actor) => Record<string, unknown> };

/**
 * The related records an entity embeds (the API's `include`): for each, the join and the embedded
 * columns — so an embed is one join in the page's own query, never a query per row, and an
 * embedded record is de-identified by its own read model.
 */
export function includes<const T extends Record<string, Include>>(defs: T) {
  return {
    names: Object.keys(defs) as (keyof T & string)[],
    /** The embedded records asked for, each under its include name. */
    fields(actor: Actor, include: ReadonlySet<string>): { [K in keyof T]?: ReturnType<T[K]["fields"]> } {
      const out: Record<string, unknown> = {};
      for (const [name, def] of Object.entries(defs)) if (include.has(name)) out[name] = def.fields(actor);
      return out as { [K in keyof T]?: ReturnType<T[K]["fields"]> };
    },
    /** Joins the tables of the embeds asked for. */
    join<Q extends Joinable>(query: Q, include: ReadonlySet<string>): Q {
      for (const [name, def] of Object.entries(defs)) if (include.has(name) && def.join) query.innerJoin(def.join[0] as never, def.join[1]);
      return query;
    },
  };
}
