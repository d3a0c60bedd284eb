"use server";

import { revalidatePath } from "next/cache";
import type { CreateTokenState } from "@/components/settings/create-token-form";
import { createPersonalToken, revokePersonalToken } from "@/lib/api/tokens";
import { formAction } from "@/lib/validation/form-action";

/**
 * The one response that carries a token's secret: it is shown once and never stored in clear. The
 * password field is checked by the lib and never sent back (FormInput.typed leaves it out).
 */
export const createTokenAction = formAction<CreateTokenState>(async (input, actor) => {
  const { token, record } = await createPersonalToken(actor, input.pick(["name", "expiresInDays", "password"]));
  revalidatePath("/settings/tokens");
  return { status: "success", message: `Token “${record.name}” created.`, token, tokenName: record.name };
});

export const revokeTokenAction = formAction(async (input, actor) => {
  await revokePersonalToken(actor, input.pick(["id"]));
  revalidatePath("/settings/tokens");
  return { status: "success", message: "Token revoked. Anything still using it is now refused." };
});
