/**
 * For a resource without a read model of its own — the administration's sites, accounts and visit
 * schedules, a person's tokens: nothing in them is withheld from anyone who may read them at all.
 * Its columns serve as modelFields' model (./model-fields.ts), and the same keys as its reader's
 * selection (lib/api/resource-reader.ts), so one key list says what the resource carries in its
 * schema and in its query; `read` is the policy action that reading them takes, as a read model's.
 */
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../actor";
import type { Action } from "../../policy";

export function columnsModel<C extends { id: AnyPgColumn } & Record<string, AnyPgColumn>>(columns: C, read: Action) {
  return {
    columns,
    read,
    identifying: {},
    /** Every column: the same for every actor. */
    fields: (): C => columns,
    /** The columns of `keys`, as a selection: the same for every actor, called as a read model's pick is. */
    pick: <K extends keyof C & string>(_actor: Actor, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, columns[k]])) as Pick<C, K>,
  };
}
