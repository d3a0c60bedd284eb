/**
 * The write road (docs/architecture.md, "The write road"): the only way data changes.
 *
 *   write(actor, action, run)   may this role attempt the action at all? → one transaction:
 *     w.load(entity, id, …)     site-scoped, locked, authorised with the write's OWN action and the
 *                               record's facts, version checked
 *     …rules…                   the domain function's own checks, reading through w.tx
 *     w.update / w.insert       the change, then its audit row and live notification
 *
 * The audit writer and the live notifier are called from here only (lint and
 * audit-boundary.test.ts keep it so), so no change can be written without its audit row and
 * announcement, and no audit row can be forged without a change. Events that change no record
 * (sign-in, sign-out, an export, a refused signature) are audited with recordEvent().
 */
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { getDb, type DbOrTx, type Tx } from "@/db";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { appendAudit, diffChanges, type AuditEntry, type Changes } from "../audit/writer";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { notifyChange, type ChangeEvent } from "../live/notify";
import { authorize, authorizeAttempt, type Action } from "../policy";
import { isUuid } from "../validation/fields";
import { applyChangeRules } from "../rules/on-change";
import { ENTITIES, type EntityName, type InsertOf, type RowOf } from "./entities";

/** Actions that change something: a write never authorises itself with a read action. */
export type WriteAction = Exclude<Action, `${string}.read`>;

/** Who an audit row names when no signed-in actor is at hand (sign-up, system work). */
export type AuditActor = Pick<Actor, "id" | "username">;

const LOADED = Symbol("loaded by the write road");

/** A row the road loaded, locked and authorised; only such a row can be updated. */
export type Loaded<E extends EntityName, X = unknown> = {
  readonly [LOADED]: true;
  readonly entity: E;
  readonly row: RowOf<E>;
  readonly extra: X;
};

export type AuditOptions = {
  /** The audit action, e.g. "create", "reschedule", "withdraw". */
  audit: string;
  reason?: string | null;
  /** Fields left out of the audit diff (secrets are redacted anyway). */
  omit?: readonly string[];
  /** Override what the audit row names (a study part audited on the study's site, a signature on its record). */
  entity?: string;
  entityId?: string;
  siteId?: string | null;
  changes?: Changes | ((after: Record<string, unknown>) => Changes);
  /** Where the request came from (sign-in, sign-up, tokens). */
  clientAddress?: string | null;
  /** A system write's author, known only once the row exists (a sign-up is its own author). */
  author?: (after: Record<string, unknown>) => AuditActor;
  /** The live event: its type, another record to announce, or none. */
  live?: false | { type?: ChangeEvent["type"]; entity: ChangeEvent["entity"]; id: string; siteId: string | null; studyId: string | null; subjectId?: string | null };
};

type LoadOptions<X extends Record<string, SQL | AnyPgColumn>> = {
  /** The version the person started from; a newer one is a ConflictError carrying it. */
  version?: number;
  /** The policy action for this load, when it is not the write's own (a create loading its parent). */
  action?: WriteAction;
  /** "update" (default) locks the row to commit; "share" keeps others from changing it; "none" reads. */
  lock?: "update" | "share" | "none";
  /** Columns or SQL read with the row (a site's time zone, a live-signature flag). */
  extra?: X;
  /** Load a retired row too (retiring and its checks). */
  includeRetired?: boolean;
  notFound?: string;
  conflict?: string;
};

const CONFLICT = "Someone else saved this record after you opened it. Review their changes below, then try again.";

type Who = { actor: Actor; action: WriteAction } | { actor: AuditActor | null; action: null };

export class Writer {
  /**
   * Audit rows and live events wait here until the write is done (flush()), then go out together in
   * one round trip just before COMMIT: however many records a write touches, its audit costs one
   * statement. (The insert takes no lock since the sealer, drizzle/0007; before it, it took the
   * chain's lock until commit, and the deferral kept the rules a write sets off out of that wait.)
   */
  private readonly pending: { audits: AuditEntry[]; events: ChangeEvent[] } = { audits: [], events: [] };

  constructor(
    /** For the rules' reads (and writes to unaudited tables such as rate limits). */
    readonly tx: Tx,
    private readonly who: Who,
  ) {}

  /** Writes what the write recorded (audit rows, live events); the road calls it once, last. */
  async flush(): Promise<void> {
    const { audits, events } = this.pending;
    this.pending.audits = [];
    this.pending.events = [];
    await Promise.all([...events.map((e) => notifyChange(this.tx, e)), audits.length ? appendAudit(this.tx, audits) : undefined]);
  }

  get actor(): Actor {
    if (this.who.action === null) throw new Error("This write runs without a signed-in actor.");
    return this.who.actor;
  }

  /** Who this write is by, if anyone (system writes: the scheduler, a sign-up before it exists). */
  get actorId(): string | null {
    return this.who.actor?.id ?? null;
  }

  private authorize(action: WriteAction | undefined, facts: ReturnType<(typeof ENTITIES)[EntityName]["facts"]>) {
    if (this.who.action === null) return;
    authorize(this.who.actor, action ?? this.who.action, facts);
  }

  /**
   * Every row of `entity` matching `where` within the actor's scope, locked and authorised one by
   * one (a batch: a withdrawal's future visits). No version: the rows were not on anyone's screen.
   */
  async loadWhere<E extends EntityName>(entity: E, where: SQL, options: Pick<LoadOptions<never>, "action" | "lock"> = {}): Promise<Loaded<E, unknown>[]> {
    const spec = ENTITIES[entity];
    const table = spec.table as PgTable & { retiredAt?: AnyPgColumn };
    const conditions: (SQL | undefined)[] = [where];
    if (spec.retirable) conditions.push(isNull(table.retiredAt!));
    if (spec.scope && this.who.action !== null) conditions.push(spec.scope(this.who.actor));
    let query = this.tx.select().from(table).where(and(...conditions)).$dynamic();
    const lock = options.lock ?? "update";
    if (lock !== "none") query = query.for(lock) as typeof query;
    const rows = (await query) as RowOf<E>[];
    return rows.map((row) => {
      this.authorize(options.action, spec.facts(row as Record<string, unknown>));
      return { [LOADED]: true, entity, row, extra: {} } as Loaded<E, unknown>;
    });
  }

  /** Load → scope → lock → authorise → version: the start of every change to an existing record. */
  async load<E extends EntityName, X extends Record<string, SQL | AnyPgColumn> = Record<never, never>>(
    entity: E,
    id: string,
    options: LoadOptions<X> = {},
  ): Promise<Loaded<E, { [K in keyof X]: X[K] extends SQL<infer T> ? T : X[K] extends AnyPgColumn ? X[K]["_"]["data"] : unknown }>> {
    // Not even shaped like an id: as unknown as a foreign site's record (and no uuid cast error).
    if (!isUuid(id)) throw new NotFoundError(options.notFound);
    const spec = ENTITIES[entity];
    const table = spec.table as PgTable & { id: AnyPgColumn; retiredAt?: AnyPgColumn };
    const conditions: (SQL | undefined)[] = [eq(table.id, id)];
    if (spec.retirable && !options.includeRetired) conditions.push(isNull(table.retiredAt!));
    if (spec.scope && this.who.action !== null) conditions.push(spec.scope(this.who.actor));
    let query = this.tx
      .select({ row: table, ...(options.extra ?? {}) } as Record<string, unknown> as never)
      .from(table)
      .where(and(...conditions))
      .$dynamic();
    const lock = options.lock ?? "update";
    if (lock !== "none") query = query.for(lock, { of: table }) as typeof query;
    const [found] = (await query) as unknown as ({ row: RowOf<E> } & Record<string, unknown>)[];
    if (!found) throw new NotFoundError(options.notFound);
    const { row, ...extra } = found;
    this.authorize(options.action, spec.facts(row as Record<string, unknown>));
    if (options.version !== undefined && spec.versioned && (row as { version: number }).version !== options.version) {
      throw new ConflictError(options.conflict ?? CONFLICT, row);
    }
    return { [LOADED]: true, entity, row, extra } as never;
  }

  /**
   * The version check on its own: for writes whose rules speak before a stale version does, or
   * that show the person a view of the newer record (`current`) rather than the whole row.
   */
  assertVersion(loaded: Loaded<EntityName, unknown>, version: number, conflict = CONFLICT, current: unknown = loaded.row): void {
    if ((loaded.row as { version?: number }).version !== version) throw new ConflictError(conflict, current);
  }

  /**
   * Writes `values` to a loaded row (version + 1 where versioned) and records the change. With
   * `unchanged`, a write that would change nothing is refused with that message before it is made.
   */
  async update<E extends EntityName>(
    loaded: Loaded<E, unknown>,
    values: Partial<InsertOf<E>> | Record<string, unknown>,
    options: AuditOptions & { unchanged?: string },
  ): Promise<RowOf<E>> {
    if (!loaded[LOADED]) throw new Error("Update a row the road loaded.");
    const spec = ENTITIES[loaded.entity];
    const table = spec.table as PgTable & { id: AnyPgColumn; version?: AnyPgColumn };
    const before = loaded.row as Record<string, unknown>;
    if (options.unchanged) {
      const proposed = Object.fromEntries(Object.entries(values).filter(([, v]) => !(v instanceof Object && "queryChunks" in v)));
      if (Object.keys(diffChanges(pick(before, Object.keys(proposed)), proposed)).length === 0) {
        throw new ValidationError(options.unchanged);
      }
    }
    const set: Record<string, unknown> = { ...values };
    if (spec.versioned) {
      set.version = sql`${table.version!} + 1`;
      set.updatedAt = sql`now()`;
    }
    const key = spec.keyOf ? spec.keyOf(before) : eq(table.id, before.id as string);
    const [after] = (await this.tx.update(table).set(set as never).where(key).returning()) as RowOf<E>[];
    await this.record(loaded.entity, [[before, after as Record<string, unknown>]], options);
    return after!;
  }

  /** The same values written to several loaded rows in one statement, each row audited. */
  async updateMany<E extends EntityName>(list: Loaded<E, unknown>[], values: Partial<InsertOf<E>> | Record<string, unknown>, options: AuditOptions): Promise<RowOf<E>[]> {
    if (list.length === 0) return [];
    if (list.some((l) => !l[LOADED])) throw new Error("Update rows the road loaded.");
    const entity = list[0]!.entity;
    const spec = ENTITIES[entity];
    const table = spec.table as PgTable & { id: AnyPgColumn; version?: AnyPgColumn };
    const set: Record<string, unknown> = { ...values };
    if (spec.versioned) {
      set.version = sql`${table.version!} + 1`;
      set.updatedAt = sql`now()`;
    }
    const ids = list.map((l) => (l.row as { id: string }).id);
    const updated = (await this.tx.update(table).set(set as never).where(inArray(table.id, ids)).returning()) as RowOf<E>[];
    const byId = new Map(list.map((l) => [(l.row as { id: string }).id, l.row as Record<string, unknown>]));
    await this.record(entity, updated.map((after) => [byId.get((after as { id: string }).id) ?? null, after as Record<string, unknown>]), options);
    return updated;
  }

  /** Inserts a record (authorised with the write's action on the record's own facts) and records it. */
  async insert<E extends EntityName>(entity: E, values: InsertOf<E>, options: Partial<AuditOptions> & { action?: WriteAction } = {}): Promise<RowOf<E>> {
    const spec = ENTITIES[entity];
    this.authorize(options.action, spec.facts(values as Record<string, unknown>));
    const [row] = (await this.tx.insert(spec.table).values(values as never).returning()) as RowOf<E>[];
    await this.record(entity, [[null, row as Record<string, unknown>]], { audit: "create", ...options });
    return row!;
  }

  /** Several records of one entity in one statement (enrolment's planned visits), each authorised and audited. */
  async insertMany<E extends EntityName>(entity: E, values: InsertOf<E>[], options: Partial<AuditOptions> & { action?: WriteAction } = {}): Promise<RowOf<E>[]> {
    if (values.length === 0) return [];
    const spec = ENTITIES[entity];
    for (const v of values) this.authorize(options.action, spec.facts(v as Record<string, unknown>));
    const rows = (await this.tx.insert(spec.table).values(values as never).returning()) as RowOf<E>[];
    await this.record(entity, rows.map((row) => [null, row as Record<string, unknown>]), { audit: "create", ...options });
    return rows;
  }

  /**
   * Inserts through a statement rendered once (db/reusable), for the hot creates: `run` executes
   * it with this transaction and returns the rows. The record's facts are authorised first.
   */
  async insertWith<E extends EntityName>(
    entity: E,
    facts: Record<string, unknown>,
    run: (tx: Tx) => Promise<RowOf<E>[]>,
    options: Partial<AuditOptions> = {},
  ): Promise<RowOf<E>> {
    this.authorize(undefined, ENTITIES[entity].facts(facts));
    const [row] = await run(this.tx);
    await this.record(entity, [[null, row as Record<string, unknown>]], { audit: "create", ...options });
    return row!;
  }

  /**
   * A record a rule leaves as the consequence of this write (lib/rules: an SAE's assessment task).
   * Not authorised again — the write that caused it was, and the rule decides who it is for — but
   * audited and announced like any insert, in the same transaction.
   */
  async insertCaused<E extends EntityName>(entity: E, values: InsertOf<E>, options: Partial<AuditOptions> = {}): Promise<RowOf<E>> {
    const spec = ENTITIES[entity];
    const [row] = (await this.tx.insert(spec.table).values(values as never).returning()) as RowOf<E>[];
    await this.record(entity, [[null, row as Record<string, unknown>]], { audit: "create", ...options });
    return row!;
  }

  /** A live event for something that is not an audited record (a person's new notification); sent with the others. */
  announce(event: ChangeEvent): void {
    this.pending.events.push(event);
  }

  /** An audit row (and live event) for a change this write made that is not a row of its own. */
  async note(entry: Omit<AuditEntry, "actor">, live?: AuditOptions["live"]): Promise<void> {
    if (live) this.pending.events.push({ type: live.type ?? "updated", ...live, subjectId: live.subjectId ?? null });
    this.pending.audits.push({ ...entry, actor: this.who.actor });
  }

  private async record(
    entity: EntityName,
    changes: [before: Record<string, unknown> | null, after: Record<string, unknown>][],
    options: AuditOptions,
  ): Promise<void> {
    const spec = ENTITIES[entity];
    const strip = (r: Record<string, unknown> | null) => {
      if (!r || !options.omit?.length) return r;
      const copy = { ...r };
      for (const key of options.omit) delete copy[key];
      return copy;
    };
    const events: ChangeEvent[] = [];
    const entries: AuditEntry[] = changes.map(([before, after]) => {
      const facts = spec.facts(after);
      const siteId = options.siteId !== undefined ? options.siteId : (facts.siteId ?? null);
      const live = liveEvent(entity, before, after, options, siteId, facts.studyId ?? null);
      if (live) events.push(live);
      return {
        actor: options.author && this.who.action === null ? options.author(after) : this.who.actor,
        siteId,
        entity: options.entity ?? spec.audit,
        entityId: options.entityId ?? String(after.id ?? ""),
        action: options.audit,
        changes:
          typeof options.changes === "function" ? options.changes(after) : (options.changes ?? diffChanges(strip(before), strip(after)!)),
        reason: options.reason ?? null,
        clientAddress: options.clientAddress ?? null,
      };
    });
    // Sent by flush() at the end of the write; notifications are delivered only if it commits.
    this.pending.events.push(...events);
    this.pending.audits.push(...entries);
    // What the change sets off (alerts, tasks, email), in its transaction: lib/rules/table.ts.
    await applyChangeRules(this, entity, changes);
  }
}

function liveEvent(
  entity: EntityName,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  options: AuditOptions,
  siteId: string | null,
  studyId: string | null,
): ChangeEvent | null {
  if (options.live === false) return null;
  if (options.live) return { type: options.live.type ?? "updated", ...options.live, subjectId: options.live.subjectId ?? null };
  const spec = ENTITIES[entity];
  if (!spec.live) return null;
  const type = before === null ? "created" : options.audit === "retire" ? "retired" : "updated";
  if (typeof spec.live === "function") {
    const target = spec.live(after);
    return { type: "updated", entity: target.entity, id: target.id, siteId, studyId: target.entity === "study" ? target.id : studyId };
  }
  return { type, entity: spec.live, id: String(after.id), siteId, studyId, subjectId: "subjectId" in spec && spec.subjectId ? spec.subjectId(after) : null };
}

const pick = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));

/**
 * A write by a signed-in actor: the role must be allowed the action at all (checked before the
 * input is parsed, so a sponsor hears "forbidden", not "fix these fields"), then `run` in one
 * transaction — the change, its audit rows and live events, or none of them.
 */
export async function write<T>(actor: Actor, action: WriteAction, run: (w: Writer) => Promise<T>): Promise<T> {
  authorizeAttempt(actor, action);
  const db = await getDb();
  return db.transaction((tx) => runWriter(new Writer(tx, { actor, action }), run));
}

/** Runs a write, then writes what it recorded (its audit rows and live events) last, before COMMIT. */
async function runWriter<T>(w: Writer, run: (w: Writer) => Promise<T>): Promise<T> {
  const result = await run(w);
  await w.flush();
  return result;
}

/** Authorise the attempt, then parse: the first two steps of every write, before its transaction. */
export function parseFor<S extends z.ZodType>(actor: Actor, action: WriteAction, schema: S, input: unknown): z.output<S> {
  authorizeAttempt(actor, action);
  return parseOrThrow(schema, input);
}

/**
 * Writes nobody signed in asks for, each with its reason at the call: a sign-up (the new account
 * is its own author), the first administrator, a session token right after its password check,
 * the demo data. Still one transaction, still audited; there is no policy question to ask.
 */
export async function writeAsSystem<T>(by: AuditActor | null, run: (w: Writer) => Promise<T>, handle?: Tx): Promise<T> {
  if (handle) return runWriter(new Writer(handle, { actor: by, action: null }), run);
  const db = await getDb();
  return db.transaction((tx) => runWriter(new Writer(tx, { actor: by, action: null }), run));
}

/**
 * An audited event that changes no record: sign-in and its refusals, sign-out, an export, a
 * refused signature. In the caller's transaction when given one (rate-limit counters move with it).
 */
export async function recordEvent(entry: AuditEntry, handle?: DbOrTx): Promise<void> {
  await appendAudit(handle ?? (await getDb()), entry);
}
