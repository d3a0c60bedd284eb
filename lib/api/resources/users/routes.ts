/** /api/v1/users — account administration through the same lib functions as the admin's user pages. */
import { assignRole, setUserStatus } from "../../../users/admin";
import { resetPassword } from "../../../users/password-reset";
import { actionCommand, libCall } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { userReader } from "./queries";
import { PasswordResetInput, RoleInput, StatusInput, UserAccount, USER_INCLUDE, UserListQuery } from "./schema";

const home = { tag: "Users", path: "/users", noun: "user" };

// The lib's functions name the account `userId`; the path carries it.
export const userCommands = [
  actionCommand(home, "role", {
    operationId: "assignUserRole",
    summary: "Activate a pending account with a role and site, or change an active account's role or site (administrators)",
    body: RoleInput,
    run: libCall(assignRole, "userId"),
  }),
  actionCommand(home, "status", {
    operationId: "setUserStatus",
    summary: "Disable or re-enable an account, with a reason (administrators; applies from its next request)",
    body: StatusInput,
    run: libCall(setUserStatus, "userId"),
  }),
  actionCommand(home, "password-reset", {
    operationId: "resetUserPassword",
    summary: "Set a temporary password for someone locked out (administrators); the answer never holds it",
    body: PasswordResetInput,
    run: libCall(resetPassword, "userId"),
  }),
];

export const userResource = resource({
  home,
  schema: UserAccount,
  listQuery: UserListQuery,
  include: USER_INCLUDE,
  reader: userReader,
  commands: userCommands,
});
export const userRoutes = resourceRoutes(userResource);

