/** Accounts as the API returns them: administrators only (user.manage), one query per page, no password hash. */
import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { accountColumns, USER_FIELDS, type USER_ORDER, type UserListQuery } from "./schema";

const ORDER: Record<(typeof USER_ORDER)[number], OrderField> = {
  username: { column: users.username, cast: "text" },
  createdAt: { column: users.createdAt, cast: "timestamptz" },
};

// Administrators see every account (user.manage is theirs alone, asked by the reader first).
const reader = resourceReader({
  read: "user.manage",
  notFound: "User not found.",
  order: ORDER,
  table: users,
  columns: (actor) => accountColumns.pick(actor, USER_FIELDS),
  filters: listFilters<UserListQuery>()({
    status: (v) => eq(users.status, v),
    role: (v) => eq(users.role, v),
    siteId: (v) => eq(users.siteId, v),
  }),
});

export const listUserResources = reader.list;
export const listUserResourcesJson = reader.listJson;
export const getUserResource = reader.get;
