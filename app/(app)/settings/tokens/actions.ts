"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { createPersonalToken, revokePersonalToken } from "@/lib/api/tokens";
import { requireActiveActor } from "@/lib/auth/actor";

/** The one response that carries a token's secret: it is shown once and never stored in clear. */
export type CreateTokenState = ActionState & { token?: string; tokenName?: string };

export async function createTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const { token, record } = await createPersonalToken(actor, {
      name: formData.get("name") ?? "",
      expiresInDays: formData.get("expiresInDays") ?? "",
    });
    revalidatePath("/settings/tokens");
    return { status: "success", message: `Token “${record.name}” created.`, token, tokenName: record.name };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function revokeTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActiveActor();
    await revokePersonalToken(actor, { id: formData.get("id") });
    revalidatePath("/settings/tokens");
    return { status: "success", message: "Token revoked. Anything still using it is now refused." };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error);
  }
}
