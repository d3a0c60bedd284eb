/**
 * The change rules, applied by the write road to every change it records, in the change's own
 * transaction: the rows that match a rule's trigger are read as causes and fired (./deliver.ts).
 * The person who made the change is not told of it. Changes no rule watches cost one map lookup.
 */
import type { EntityName } from "../write/entities";
import type { Writer } from "../write/road";
import { fire } from "./deliver";
import { RULES } from "./table";
import type { ChangeTrigger, Rule } from "./types";

type ChangeRule = Rule & { trigger: ChangeTrigger };

const BY_ENTITY = new Map<EntityName, ChangeRule[]>();
for (const rule of RULES) {
  if (rule.trigger.on !== "change") continue;
  const list = BY_ENTITY.get(rule.trigger.entity) ?? [];
  list.push(rule as ChangeRule);
  BY_ENTITY.set(rule.trigger.entity, list);
}

export async function applyChangeRules(
  w: Writer,
  entity: EntityName,
  changes: readonly [before: Record<string, unknown> | null, after: Record<string, unknown>][],
): Promise<void> {
  const rules = BY_ENTITY.get(entity);
  if (!rules) return;
  for (const rule of rules) {
    const rows = changes.filter(([before, after]) => rule.trigger.when(before, after)).map(([, after]) => after);
    if (rows.length === 0) continue;
    const now = new Date();
    for (const cause of await rule.trigger.causes(w.tx, rows)) {
      await fire(w, rule, { cause, at: now, key: cause.causeId ?? cause.entityId }, { exclude: w.actorId });
    }
  }
}
