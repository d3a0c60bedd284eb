/** Accounts as the API returns them: administrators only (user.manage), one query per page, no password hash. */
import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { type Db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "../../../actor";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { accountColumns, USER_FIELDS, type USER_ORDER, type UserListQuery } from "./schema";

const ORDER: Record<(typeof USER_ORDER)[number], OrderField> = {
  username: { column: users.username, cast: "text" },
  createdAt: { column: users.createdAt, cast: "timestamptz" },
};

// Administrators see every account (user.manage is theirs alone, asked by the reader first).
function select(db: Db, _actor: Actor, where: SQL | undefined, _include: ReadonlySet<string>, key: SQL<string>) {
  return db.select({ ...accountColumns.pick(USER_FIELDS), _key: key }).from(users).where(where).$dynamic();
}

const reader = resourceReader({
  read: "user.manage",
  notFound: "User not found.",
  idColumn: users.id,
  order: ORDER,
  select,
  filters: listFilters<UserListQuery>()({
    status: (v) => eq(users.status, v),
    role: (v) => eq(users.role, v),
    siteId: (v) => eq(users.siteId, v),
  }),
});

export const listUserResources = reader.list;
export const listUserResourcesJson = reader.listJson;
export const getUserResource = reader.get;
