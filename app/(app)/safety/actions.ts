"use server";

import { revalidatePath } from "next/cache";
import { assessAdverseEvent } from "@/lib/safety/assess";
import { markSponsorNotified } from "@/lib/safety/notify-sponsor";
import { currentSessionId } from "@/lib/auth/actor";
import { signAdverseEvent } from "@/lib/signatures/sign-ae";
import { signEligibility } from "@/lib/signatures/sign-eligibility";
import { formAction } from "@/lib/validation/form-action";

function refresh(aeId?: string) {
  revalidatePath("/safety");
  if (aeId) revalidatePath(`/adverse-events/${aeId}`);
}

export const assessAction = formAction(async (input, actor) => {
  const ae = await assessAdverseEvent(actor, input.pick(["id", "version", "causality", "expectedness", "grade", "outcome", "reason"]));
  refresh(ae.id);
  return { status: "success", message: `Assessment saved for ${ae.eventTerm}. Sign it to complete the review.` };
});

/** The web session a signature belongs to: its first signature asks for username and password. */
async function signingSession() {
  const id = await currentSessionId();
  return id ? { id } : null;
}

/** "Sign": the password travels only in this request; a refused form never sends it back. */
export const signAeAction = formAction(async (input, actor) => {
  const fields = input.pick(["id", "version", "username", "password"]);
  await signAdverseEvent(actor, fields, await signingSession());
  refresh(fields.id);
  return { status: "success", message: "Signed: reviewed and assessed." };
});

export const notifySponsorAction = formAction(async (input, actor) => {
  const ae = await markSponsorNotified(actor, input.pick(["id", "version"]));
  refresh(ae.id);
  revalidatePath("/");
  return { status: "success", message: `Sponsor notification recorded for ${ae.eventTerm}.` };
});

export const signEligibilityAction = formAction(async (input, actor) => {
  await signEligibility(actor, input.pick(["screeningId", "version", "username", "password"]), await signingSession());
  revalidatePath("/safety");
  revalidatePath("/screening");
  return { status: "success", message: "Signed: eligibility confirmed." };
});
