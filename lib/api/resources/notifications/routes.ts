/**
 * /api/v1/notifications — the caller's own inbox: list (`unread=true` for the unread ones), read
 * one, mark one read (`PATCH {id}` with `{ "read": true }`) or all of them (`POST /read-all`),
 * through the web app's lib functions (lib/notifications).
 */
import { markAllNotificationsRead, markAllReadSchema, markNotificationRead } from "../../../notifications/mark-read";
import { command, updateCommand } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { notificationReader } from "./queries";
import { MarkedRead, Notification, NOTIFICATION_INCLUDE, NotificationListQuery, NotificationPatch } from "./schema";

const home = { tag: "Notifications", path: "/notifications", noun: "notification" };

export const notificationCommands = [
  updateCommand(home, {
    operationId: "updateNotification",
    summary: "Mark one of your notifications read; marking it again keeps the first time",
    body: NotificationPatch,
    errors: [400, 401, 403, 404, 415, 422, 429],
    run: (actor, { id }) => markNotificationRead(actor, { id }),
  }),
  command({
    tag: home.tag,
    method: "POST",
    path: `${home.path}/read-all`,
    operationId: "markAllNotificationsRead",
    summary: "Mark all your unread notifications read (up to an instant, if given)",
    description: "How many this marked read.",
    body: markAllReadSchema.meta({ id: "MarkAllNotificationsReadInput" }),
    errors: [400, 401, 403, 415, 422, 429],
    run: (actor, { body }) => markAllNotificationsRead(actor, body),
    output: { schema: MarkedRead, of: (saved) => saved },
  }),
];

export const notificationResource = resource({
  home,
  schema: Notification,
  listQuery: NotificationListQuery,
  include: NOTIFICATION_INCLUDE,
  reader: notificationReader,
  commands: notificationCommands,
});
export const notificationRoutes = resourceRoutes(notificationResource);
