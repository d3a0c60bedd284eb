"use server";

import { redirect } from "next/navigation";
import { requireSessionForPasswordChange } from "@/lib/auth/actor";
import { HOME_BY_ROLE } from "@/lib/policy";
import { changeOwnPassword } from "@/lib/users/password-change";
import { formAction } from "@/lib/validation/form-action";

/**
 * Settings → Password. Open to a person whose password an admin reset (every other page and action
 * sends them here), so it identifies them with requireSessionForPasswordChange rather than
 * formAction's default requireActiveActor. The passwords are never sent back to the form.
 */
export const changePasswordAction = formAction(
  async (input, actor) => {
    // The same request's session (read once per request), to keep it signed in.
    const current = await requireSessionForPasswordChange();
    const { revokedTokens } = await changeOwnPassword(actor, input.pick(["currentPassword", "password", "confirmPassword"]), current.sessionId);
    // A forced change done: on to where this person works.
    if (current.mustChangePassword) redirect(HOME_BY_ROLE[actor.role]);
    const tokens = revokedTokens ? ` ${revokedTokens} API ${revokedTokens === 1 ? "token was" : "tokens were"} revoked.` : "";
    return { status: "success", message: `Password changed. Your other sessions have ended.${tokens}` };
  },
  { identify: async () => (await requireSessionForPasswordChange()).actor },
);
