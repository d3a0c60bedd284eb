/**
 * Account administration: activating sign-ups, setting role and site, disabling and re-enabling.
 * Each takes effect on the affected user's very next request, because requireActor() re-reads
 * the user on every request.
 */
import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sites, users, type Role } from "@/db/schema";
import type { Actor } from "../actor";
import { revokeAllTokensOf } from "../api/tokens";
import { diffChanges } from "../audit/writer";
import { pgErrorCode } from "../db-errors";
import { ForbiddenError, ValidationError } from "../errors";
import { authorize } from "../policy";
import { assignRoleSchema, setStatusSchema } from "../validation/user";
import { parseFor, write } from "../write/road";
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
  const data = parseFor(actor, "user.manage", assignRoleSchema, input);
  if (data.userId === actor.id) throw new ForbiddenError("You cannot change your own role or site.");
  const siteId = data.role === "coordinator" || data.role === "investigator" ? data.siteId : null;
  try {
    return await write(actor, "user.manage", async (w) => {
      const { tx } = w;
      if (siteId) {
        const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
        if (!site) throw new ValidationError("Please correct the highlighted fields.", { siteId: ["Choose an existing site."] });
      }
      const loaded = await w.load("user", data.userId, { version: data.version });
      const before = loaded.row;
      if (before.status === "disabled") {
        throw new ValidationError("Re-enable the account before changing its role.");
      }
      return w.update(
        loaded,
        { role: data.role, siteId, status: "active" },
        {
          audit: before.status === "pending" ? "user.activate" : "user.assign_role",
          siteId: siteId ?? before.siteId,
          changes: (after) => diffOf(before, after),
        },
      );
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

/**
 * Disables or re-enables an account, with a reason. A disabled user's session is refused at once,
 * and all their API tokens are revoked in the same transaction (audited), so re-enabling the
 * account does not bring them back.
 */
export async function setUserStatus(actor: Actor, input: unknown) {
  const data = parseFor(actor, "user.manage", setStatusSchema, input);
  if (data.userId === actor.id) throw new ForbiddenError("You cannot disable your own account.");
  try {
    return await write(actor, "user.manage", async (w) => {
      const loaded = await w.load("user", data.userId);
      const before = loaded.row;
      if (before.status === "pending" && data.status === "active") {
        throw new ValidationError("Activate a pending account by giving it a role and site.");
      }
      w.assertVersion(loaded, data.version, undefined, before);
      const after = await w.update(loaded, { status: data.status }, {
        audit: data.status === "disabled" ? "user.disable" : "user.enable",
        reason: data.reason,
        changes: (after) => diffOf(before, after),
      });
      if (data.status === "disabled") await revokeAllTokensOf(w, after, `Account disabled: ${data.reason}`);
      return after;
    });
  } catch (error) {
    return withoutPasswordHash(error);
  }
}

/** An account's audit row names what an admin decides — role, site, status — never the rest. */
const diffOf = (before: Record<string, unknown>, after: Record<string, unknown>) => diffChanges(pick(before), pick(after));
const pick = (u: Record<string, unknown>) => ({ role: u.role, siteId: u.siteId, status: u.status });
