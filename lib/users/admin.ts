/**
 * Account administration: activating sign-ups, setting role and site, disabling and re-enabling.
 * Each takes effect on the affected user's very next request, because requireActor() re-reads
 * the user on every request.
 */
import { asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sites, users, type Role } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { appendAudit, diffChanges } from "../audit";
import { notifyChange } from "../live/notify";
import { pgErrorCode } from "../db-errors";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { authorize } from "../policy";
import { updateVersioned } from "../versioned";
import { assignRoleSchema, setStatusSchema } from "../validation/user";
import { withoutPasswordHash } from "./public-user";

export type UserRow = {
  id: string;
  username: string;
  email: string;
  displayName: string;
  role: Role;
  status: "pending" | "active" | "disabled";
  siteId: string | null;
  siteName: string | null;
  createdAt: Date;
  version: number;
};

export const USERS_PAGE_SIZE = 50;

/** Pending sign-ups first (they are waiting on someone), then by name. Paginated on the server. */
export async function listUsers(actor: Actor, opts: { page?: number; status?: string } = {}) {
  authorize(actor, "user.manage");
  const db = await getDb();
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const filter =
    opts.status === "pending" || opts.status === "active" || opts.status === "disabled"
      ? eq(users.status, opts.status)
      : undefined;
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      siteId: users.siteId,
      siteName: sites.name,
      createdAt: users.createdAt,
      version: users.version,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(users)
    .leftJoin(sites, eq(sites.id, users.siteId))
    .where(filter)
    .orderBy(desc(sql`${users.status} = 'pending'`), asc(sql`lower(${users.username})`))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map(({ total: _t, ...r }) => (void _t, r)) as UserRow[],
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
  };
}

export async function listSites(actor: Actor) {
  authorize(actor, "user.manage");
  const db = await getDb();
  return db.select({ id: sites.id, name: sites.name, timezone: sites.timezone }).from(sites).orderBy(asc(sites.name));
}

/** Activates a pending account with a role and site, or changes an active account's role/site. */
export async function assignRole(actor: Actor, input: unknown) {
  authorize(actor, "user.manage");
  const data = parseOrThrow(assignRoleSchema, input);
  if (data.userId === actor.id) throw new ForbiddenError("You cannot change your own role or site.");
  const siteId = data.role === "coordinator" || data.role === "investigator" ? data.siteId : null;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      if (siteId) {
        const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
        if (!site) throw new ValidationError("Please correct the highlighted fields.", { siteId: ["Choose an existing site."] });
      }
      const { before, after } = await updateVersioned(tx, users, data.userId, data.version, {
        role: data.role,
        siteId,
        status: "active",
      });
      if (before.status === "disabled") {
        throw new ValidationError("Re-enable the account before changing its role.");
      }
      await appendAudit(tx, {
        actor,
        siteId: after.siteId ?? before.siteId,
        entity: "user",
        entityId: after.id,
        action: before.status === "pending" ? "user.activate" : "user.assign_role",
        changes: diffChanges(pick(before), pick(after)),
      });
      // Live streams re-read their subscriber's rights at once when the subscriber's own record changes.
      await notifyChange(tx, { type: "updated", entity: "user", id: after.id, siteId: after.siteId, studyId: null });
      return after;
    });
  } catch (error) {
    // The PI of a study must stay at its site (studies_pi_same_site_fk).
    if (pgErrorCode(error) === "23503") {
      throw new ValidationError("This investigator is principal investigator of a study at their site; assign another PI first.", {
        siteId: ["Principal investigators cannot move site."],
      });
    }
    return withoutPasswordHash(error);
  }
}

/** Disables or re-enables an account, with a reason. A disabled user's session is refused at once. */
export async function setUserStatus(actor: Actor, input: unknown) {
  authorize(actor, "user.manage");
  const data = parseOrThrow(setStatusSchema, input);
  if (data.userId === actor.id) throw new ForbiddenError("You cannot disable your own account.");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [target] = await tx.select({ status: users.status }).from(users).where(eq(users.id, data.userId));
      if (!target) throw new NotFoundError();
      if (target.status === "pending" && data.status === "active") {
        throw new ValidationError("Activate a pending account by giving it a role and site.");
      }
      const { before, after } = await updateVersioned(tx, users, data.userId, data.version, { status: data.status });
      await appendAudit(tx, {
        actor,
        siteId: after.siteId,
        entity: "user",
        entityId: after.id,
        action: data.status === "disabled" ? "user.disable" : "user.enable",
        changes: diffChanges(pick(before), pick(after)),
        reason: data.reason,
      });
      await notifyChange(tx, { type: "updated", entity: "user", id: after.id, siteId: after.siteId, studyId: null });
      return after;
    });
  } catch (error) {
    return withoutPasswordHash(error);
  }
}

const pick = (u: typeof users.$inferSelect) => ({ role: u.role, siteId: u.siteId, status: u.status });
