/**
 * How each notification category reaches a person (issue 11, "Preferences"): in the inbox only, in
 * the inbox and by email at once, or in the inbox and a daily digest email at 07:00 site time.
 * Every notification reaches the inbox; a preference only chooses the email. Without a stored
 * choice a category takes its default below. Safety alerts cannot be quietened for investigators
 * (principal investigators are investigators): they always get them by email at once.
 */
import { NOTIFICATION_CATEGORIES } from "@/domain/vocabulary";
import type { Delivery, NotificationCategory, Role } from "@/db/schema";

export const DEFAULT_DELIVERY: Readonly<Record<NotificationCategory, Delivery>> = {
  safety: "email",
  visits: "in_app",
  screening: "in_app",
  tasks: "email",
  admin: "email",
};

export const CATEGORY_LABELS: Readonly<Record<NotificationCategory, { label: string; hint: string }>> = {
  safety: { label: "Safety", hint: "Serious adverse events and their 24-hour sponsor clock" },
  visits: { label: "Visits", hint: "Reminders before visits, closing windows, overdue visits" },
  screening: { label: "Screening", hint: "Passed screenings waiting for eligibility sign-off" },
  tasks: { label: "Tasks", hint: "Tasks assigned to you or to your role" },
  admin: { label: "Administration", hint: "Sign-ups waiting for approval" },
};

export const DELIVERY_LABELS: Readonly<Record<Delivery, string>> = {
  in_app: "In TrialDesk only",
  email: "In TrialDesk and by email",
  digest: "In TrialDesk and a daily email digest (07:00)",
};

/** A category the person may not change, with the delivery it is held at and why. */
export function lockedDelivery(role: Role, category: NotificationCategory): { delivery: Delivery; why: string } | null {
  if (category === "safety" && role === "investigator") {
    return { delivery: "email", why: "Investigators always receive serious adverse event alerts by email at once." };
  }
  return null;
}

/** The delivery that applies: a lock first, then the person's choice, then the default. */
export function effectiveDelivery(role: Role, category: NotificationCategory, chosen: Delivery | undefined): Delivery {
  return lockedDelivery(role, category)?.delivery ?? chosen ?? DEFAULT_DELIVERY[category];
}

/** The categories that can reach a person of this role: administration alerts go to admins only. */
export function categoriesFor(role: Role): readonly NotificationCategory[] {
  return role === "admin" ? NOTIFICATION_CATEGORIES : NOTIFICATION_CATEGORIES.filter((c) => c !== "admin");
}
