import { z } from "zod";
import { ROLES, USER_STATUSES } from "@/domain/vocabulary";
import { resetPasswordFields } from "../../../validation/admin";
import { assignRoleFields, setStatusSchema } from "../../../validation/user";
import { withoutId } from "../../http/command";
import { listQueryShape } from "../../list";
import { publicUserColumns } from "../../../users/public-user";
import { columnsModel } from "../columns-model";
import { modelSchema, RECORD_FIELDS, uuid } from "../common";

/** Accounts as administrators read them: the public user's columns (lib/users/public-user.ts), never the password hash. */
export const accountColumns = columnsModel(publicUserColumns, "user.manage");
/** ./queries.ts selects exactly these. */
export const USER_FIELDS = [...RECORD_FIELDS, "username", "email", "displayName", "role", "status", "siteId"] as const;

export const UserAccount = modelSchema("UserAccount", accountColumns, USER_FIELDS, {
  role: "For a pending sign-up: the role asked for.",
  siteId: "Coordinators and investigators: their site; null for sponsors and administrators.",
});

export const USER_ORDER = ["username", "createdAt"] as const;
export const USER_INCLUDE = [] as const;

export const UserListQuery = z
  .object({
    status: z.enum(USER_STATUSES).optional(),
    role: z.enum(ROLES).optional(),
    siteId: uuid.optional(),
    ...listQueryShape({ order: USER_ORDER, defaultOrder: "username", include: USER_INCLUDE }),
  })
  .strict();
export type UserListQuery = z.output<typeof UserListQuery>;

export const RoleInput = assignRoleFields.meta({ id: "RoleInput" });
export const StatusInput = withoutId(setStatusSchema, "userId").meta({ id: "StatusInput" });
/** The temporary password, typed twice; it is never shown back, logged or audited. */
export const PasswordResetInput = resetPasswordFields.meta({ id: "PasswordResetInput" });
