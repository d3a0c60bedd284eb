import { z } from "zod";
import { NOTIFICATION_CATEGORIES } from "@/domain/vocabulary";
import { notificationColumns } from "../../../notifications/queries";
import { listQueryShape, queryBoolean } from "../../list";
import { columnsModel } from "../columns-model";
import { modelFields } from "../common";

/** One's own inbox items (lib/notifications): nobody reads anyone else's. */
export const inboxColumns = columnsModel(notificationColumns, "notification.manage");
/** ./queries.ts selects exactly these. */
export const NOTIFICATION_FIELDS = ["id", "category", "rule", "title", "body", "entity", "entityId", "subjectId", "link", "readAt", "createdAt"] as const;

/** An item of the caller's inbox. Its title and body name a record by its code, never a person. */
export const Notification = z
  .object(
    modelFields(inboxColumns, NOTIFICATION_FIELDS, {
      category: "What it is about; each category reaches the person as their notification settings say.",
      rule: "The rule that raised it, e.g. `sae.reported`.",
      entity: "The kind of record it is about, e.g. `adverse_event`.",
      entityId: "The record it is about.",
      subjectId: "The subject the record belongs to, if any.",
      link: "The web app's path of the record, e.g. `/adverse-events/{id}`.",
      readAt: "When the caller first marked it read; null while unread.",
    }),
  )
  .meta({ id: "Notification" });

export const NOTIFICATION_ORDER = ["createdAt"] as const;
export const NOTIFICATION_INCLUDE = [] as const;

export const NotificationListQuery = z
  .object({
    unread: queryBoolean.optional().describe("`true`: unread only; `false`: read only; left out: all."),
    category: z.enum(NOTIFICATION_CATEGORIES).optional(),
    ...listQueryShape({ order: NOTIFICATION_ORDER, defaultOrder: "-createdAt", include: NOTIFICATION_INCLUDE }),
  })
  .strict();
export type NotificationListQuery = z.output<typeof NotificationListQuery>;

/** PATCH: marking read is the one change a person makes to a notification (it cannot be unread again). */
export const NotificationPatch = z
  .object({ read: z.literal(true, { error: "Send `read: true` to mark the notification read." }) })
  .strict()
  .meta({ id: "NotificationPatch" });

/** The answer to marking all read. */
export const MarkedRead = z.object({ marked: z.number().int().describe("How many notifications this marked read.") }).meta({ id: "MarkedRead" });
