"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientAddressFrom } from "@/lib/client-address";
import { resetPassword } from "@/lib/users/password-reset";
import { assignRole, setUserStatus } from "@/lib/users/admin";
import { unlockSignIn } from "@/lib/users/unlock";
import { formAction } from "@/lib/validation/form-action";

export const assignRoleAction = formAction(async (input, actor) => {
  const user = await assignRole(actor, input.pick(["userId", "role", "siteId", "version"]));
  revalidatePath("/admin/users");
  return { status: "success", message: `${user.username} is now active as ${user.role}.` };
});

export const setStatusAction = formAction(async (input, actor) => {
  const user = await setUserStatus(actor, input.pick(["userId", "status", "reason", "version"]));
  revalidatePath("/admin/users");
  return { status: "success", message: `${user.username} is now ${user.status}.` };
});

/** A refused form never echoes the passwords back (FormInput.typed leaves them out). */
export const resetPasswordAction = formAction(async (input, actor) => {
  const user = await resetPassword(actor, input.pick(["userId", "version", "password", "confirmPassword"]));
  revalidatePath("/admin/users");
  return { status: "success", message: `Temporary password set for ${user.username}. Give it to them by phone or in person.` };
});

/** Lifts the account's sign-in locks (every address, and the account-wide ceiling); audited. */
export const unlockAction = formAction(async (input, actor) => {
  const user = await unlockSignIn(actor, input.pick(["userId"]), clientAddressFrom(await headers()));
  revalidatePath("/admin/users");
  return { status: "success", message: `${user.username} can sign in again from everywhere.` };
});
