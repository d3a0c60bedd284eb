"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { requireActiveActor } from "@/lib/auth/actor";
import { resetPassword } from "@/lib/admin/password-reset";
import { assignRole, setUserStatus } from "@/lib/users/admin";

export async function assignRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const user = await assignRole(actor, {
      userId: formData.get("userId"),
      role: formData.get("role"),
      siteId: formData.get("siteId"),
      version: formData.get("version"),
    });
    revalidatePath("/admin/users");
    return { status: "success", message: `${user.username} is now active as ${user.role}.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function setStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const user = await setUserStatus(actor, {
      userId: formData.get("userId"),
      status: formData.get("status"),
      reason: formData.get("reason"),
      version: formData.get("version"),
    });
    revalidatePath("/admin/users");
    return { status: "success", message: `${user.username} is now ${user.status}.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  // formValues leaves the passwords out: a refused form never echoes them back.
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const user = await resetPassword(actor, {
      userId: formData.get("userId"),
      version: formData.get("version"),
      password: formData.get("password"),
      confirmPassword: formData.get("confirmPassword"),
    });
    revalidatePath("/admin/users");
    return { status: "success", message: `Temporary password set for ${user.username}. Give it to them by phone or in person.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}
