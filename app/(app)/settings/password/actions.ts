"use server";

import { redirect } from "next/navigation";
import { requireSessionForPasswordChange } from "@/lib/auth/actor";
import { HOME_BY_ROLE } from "@/lib/policy";
import { changeOwnPassword } from "@/lib/users/password-change";
import { runFormAction } from "@/lib/validation/form-action";
import type { ActionState } from "@/lib/action-state";

/**
 * Settings → Password. Open to a person whose password an admin reset (every other page and action
 * sends them here), so it identifies them with requireSessionForPasswordChange rather than
 * formAction's requireActiveActor. The passwords are never sent back to the form.
 */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(
    formData,
    async () => (await requireSessionForPasswordChange()).actor,
    async (input, actor) => {
      // The same request's session (read once per request), to keep it signed in.
      const current = await requireSessionForPasswordChange();
      const { revokedTokens } = await changeOwnPassword(actor, input.pick(["currentPassword", "password", "confirmPassword"]), current.sessionId);
      // A forced change done: on to where this person works.
      if (current.mustChangePassword) redirect(HOME_BY_ROLE[actor.role]);
      const tokens = revokedTokens ? ` ${revokedTokens} API ${revokedTokens === 1 ? "token was" : "tokens were"} revoked.` : "";
      return { status: "success", message: `Password changed. Your other sessions have ended.${tokens}` };
    },
  );
}
