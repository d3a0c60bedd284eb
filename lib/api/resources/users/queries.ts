/** Accounts as the API returns them: administrators only (user.manage), one query per page, no password hash. */
import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { listFilters, resourceReader } from "../../resource-reader";
import { accountColumns, USER_FIELDS, USER_ORDER, type UserListQuery } from "./schema";

// Administrators see every account (user.manage is theirs alone, asked by the reader first).
export const userReader = resourceReader(accountColumns, USER_FIELDS, {
  noun: "user",
  order: USER_ORDER,
  filters: listFilters<UserListQuery>()({
    status: (v) => eq(users.status, v),
    role: (v) => eq(users.role, v),
    siteId: (v) => eq(users.siteId, v),
  }),
});
