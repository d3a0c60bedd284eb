"use server";

import { revalidatePath } from "next/cache";
import { retryDead } from "@/lib/mail/retry";
import { formAction } from "@/lib/validation/form-action";

export const retryEmailAction = formAction(async (input, actor) => {
  const email = await retryDead(actor, input.text("id"));
  revalidatePath("/admin/outbox");
  return { status: "success", message: `The email to ${email.toAddress} is queued again.` };
});
