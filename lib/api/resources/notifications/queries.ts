/**
 * The caller's own notifications as the API returns them: an inbox belongs to a person, so the scope
 * is ownership — anyone else's notification is not found.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { listFilters, resourceReader } from "../../resource-reader";
import { inboxColumns, NOTIFICATION_FIELDS, NOTIFICATION_ORDER, type NotificationListQuery } from "./schema";

export const notificationReader = resourceReader(inboxColumns, NOTIFICATION_FIELDS, {
  noun: "notification",
  order: NOTIFICATION_ORDER,
  // The actor's id is part of policy's scopeKey, so a shape cached for one person never serves another.
  scope: (actor) => eq(notifications.userId, actor.id),
  filters: listFilters<NotificationListQuery>()({
    unread: (v) => sql`(${notifications.readAt} is null) = ${v}`,
    category: (v) => eq(notifications.category, v),
  }),
});
