/**
 * Firing a rule once: take its key in rule_firings (a second instance, or a rerun, finds it taken
 * and does nothing), then write what it causes in the same transaction — one notification per
 * person (their live bell hears of it when the transaction commits), an outbox email for those who
 * take this category by email, and the rule's task.
 */
import { and, eq } from "drizzle-orm";
import { notifications, ruleFirings, users } from "@/db/schema";
import { composeNotification } from "../mail/compose";
import { queueEmails } from "../mail/outbox";
import type { Writer } from "../write/road";
import { addressees, type Addressee } from "./recipients";
import type { Firing, Rule } from "./types";

export type FireOptions = {
  /** The person whose own change caused it: they are not told of what they just did. */
  exclude?: string | null;
  /** The scheduler's tick: when the notification is raised (the database's now() otherwise). */
  now?: Date;
};

/** Fires `rule` for `firing` unless its key was taken; true when it fired here. */
export async function fire(w: Writer, rule: Rule, firing: Firing, options: FireOptions = {}): Promise<boolean> {
  const tx = w.tx;
  const key = `${rule.id}:${firing.key}`;
  const { cause, at } = firing;
  // Taking the key and finding the people go out together (one round trip); if the key was taken,
  // the people are not needed.
  const [[taken], everyone] = await Promise.all([
    tx.insert(ruleFirings).values({ key, rule: rule.id }).onConflictDoNothing().returning({ key: ruleFirings.key }),
    addressees(tx, cause, rule.recipients, rule.category),
  ]);
  if (!taken) return false;

  const people = everyone.filter((p) => p.id !== options.exclude);
  const message = rule.message(cause, at);
  const inserted = people.length
    ? await tx
        .insert(notifications)
        .values(
          people.map((p) => ({
            userId: p.id,
            siteId: cause.siteId,
            category: rule.category,
            rule: rule.id,
            title: message.title,
            body: message.body,
            entity: cause.entity,
            entityId: cause.entityId,
            subjectId: cause.subjectId,
            link: cause.link,
            causeKey: key,
            ...(options.now ? { createdAt: options.now } : {}),
          })),
        )
        .onConflictDoNothing()
        .returning({ id: notifications.id, userId: notifications.userId })
    : [];
  const person = new Map(people.map((p) => [p.id, p]));
  const mail = composeNotification({ ...message, link: cause.link });
  for (const n of inserted) w.announce({ type: "created", entity: "notification", id: n.id, siteId: null, studyId: null, userId: n.userId });
  await Promise.all([
    queueEmails(
      tx,
      inserted
        .filter((n) => person.get(n.userId)?.delivery === "email")
        .map((n) => ({ userId: n.userId, to: person.get(n.userId)!.email, notificationId: n.id, causeKey: `notification:${n.id}`, mail })),
    ),
    rule.task ? leaveTask(w, rule, { ...firing, key }, everyone) : undefined,
  ]);
  return true;
}

/**
 * The rule's task: for the person the record names if they are active at its site, else for the
 * role there. When the rule also tells that person, the addressees already say whether they are.
 */
async function leaveTask(w: Writer, rule: Rule, { cause, at, key }: Firing, everyone: readonly Addressee[]): Promise<void> {
  const spec = rule.task!;
  if (cause.siteId === null || cause.entity === "user" || cause.entity === "task") return;
  const named = cause.people[spec.assignee] ?? null;
  const siteId = cause.siteId;
  const isActiveHere = async (id: string) => {
    if (rule.recipients.includes(spec.assignee)) return everyone.some((p) => p.id === id && p.role !== "admin");
    const [row] = await w.tx.select({ id: users.id }).from(users).where(and(eq(users.id, id), eq(users.siteId, siteId), eq(users.status, "active")));
    return row !== undefined;
  };
  const assignee = named && (await isActiveHere(named)) ? named : null;
  await w.insertCaused(
    "task",
    {
      siteId,
      studyId: cause.studyId,
      subjectId: cause.subjectId,
      entity: cause.entity,
      entityId: cause.entityId,
      title: spec.title,
      dueAt: spec.due(cause, at),
      assigneeId: assignee,
      assigneeRole: assignee ? null : spec.fallbackRole,
      priority: spec.priority,
      source: "rule",
      ruleKey: key,
    },
    { reason: `Rule: ${rule.summary}` },
  );
}
