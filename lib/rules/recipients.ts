/**
 * Whom a firing reaches: active accounts only, each once, never a sponsor (sponsors get no
 * clinical alerts), and site-bound people only of the record's own site.
 */
import { and, eq, inArray, ne, or, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { notificationPreferences, users, type Delivery, type NotificationCategory, type Role } from "@/db/schema";
import { effectiveDelivery } from "../notifications/preferences";
import type { Cause, PersonRecipient, Recipient } from "./types";

export type Addressee = { id: string; role: Role; email: string; delivery: Delivery };

const PEOPLE: readonly PersonRecipient[] = ["pi", "coordinator", "signer", "assignee"];

/** The people `recipients` name for this cause, with how this category reaches each. */
export async function addressees(
  tx: Tx,
  cause: Cause,
  recipients: readonly Recipient[],
  category: NotificationCategory,
): Promise<Addressee[]> {
  const named = PEOPLE.filter((p) => recipients.includes(p))
    .map((p) => cause.people[p])
    .filter((id): id is string => typeof id === "string");
  const atSite = (role: Role): SQL | undefined => (cause.siteId ? and(eq(users.role, role), eq(users.siteId, cause.siteId)) : undefined);
  const who = or(
    named.length ? inArray(users.id, named) : undefined,
    recipients.includes("siteInvestigators") ? atSite("investigator") : undefined,
    recipients.includes("siteCoordinators") ? atSite("coordinator") : undefined,
    recipients.includes("admins") ? eq(users.role, "admin") : undefined,
  );
  if (!who) return [];
  const rows = await tx
    .select({ id: users.id, role: users.role, email: users.email, siteId: users.siteId, chosen: notificationPreferences.delivery })
    .from(users)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.category, category)))
    .where(and(eq(users.status, "active"), ne(users.role, "sponsor"), who));
  return rows
    .filter((u) => u.role === "admin" || (cause.siteId !== null && u.siteId === cause.siteId))
    .map((u) => ({ id: u.id, role: u.role, email: u.email, delivery: effectiveDelivery(u.role, category, u.chosen ?? undefined) }));
}
