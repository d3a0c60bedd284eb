/**
 * Reading one's own inbox (issue 11, "Inbox"): a page of notifications, newest first, the unread
 * count the bell shows, and one notification. An inbox is personal (the policy's
 * `notification.manage`, like a token's `token.manage`): every query is `user_id = actor.id`, so
 * someone else's notification is simply not found, whatever the role.
 */
import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications, type Notification } from "@/db/schema";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { pageOf, type Page } from "../list/params";
import { authorize } from "../policy";
import { isUuid } from "../validation/fields";
import type { InboxView } from "./inbox-params";

/** What a person sees of a notification (the API's fields too): not the cause key or digest stamp. */
export const notificationColumns = {
  id: notifications.id,
  category: notifications.category,
  rule: notifications.rule,
  title: notifications.title,
  body: notifications.body,
  entity: notifications.entity,
  entityId: notifications.entityId,
  subjectId: notifications.subjectId,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

export type InboxItem = Pick<Notification, keyof typeof notificationColumns>;

const mine = (actor: Actor) => eq(notifications.userId, actor.id);
const unread = (actor: Actor) => and(mine(actor), isNull(notifications.readAt));

/** A page of the actor's notifications, newest first (ties by id, so pages never overlap). */
export async function listNotifications(
  actor: Actor,
  options: { view: InboxView; page: number; pageSize: number },
): Promise<Page<InboxItem>> {
  authorize(actor, "notification.manage");
  const db = await getDb();
  const where = options.view === "unread" ? unread(actor) : mine(actor);
  const [rows, [total]] = await Promise.all([
    db
      .select(notificationColumns)
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return pageOf(rows, Number(total?.n ?? 0), options.page, options.pageSize);
}

/** How many of the actor's notifications are unread (the bell); the partial index on unread rows answers it. */
export async function countUnread(actor: Actor): Promise<number> {
  authorize(actor, "notification.manage");
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(notifications).where(unread(actor));
  return Number(row?.n ?? 0);
}

/** One of the actor's notifications; anyone else's (or a malformed id) is not found. */
export async function getNotification(actor: Actor, id: string): Promise<InboxItem> {
  authorize(actor, "notification.manage");
  if (!isUuid(id)) throw new NotFoundError(NOT_FOUND);
  const db = await getDb();
  const [row] = await db
    .select(notificationColumns)
    .from(notifications)
    .where(and(eq(notifications.id, id), mine(actor)))
    .limit(1);
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

export const NOT_FOUND = "Notification not found.";
