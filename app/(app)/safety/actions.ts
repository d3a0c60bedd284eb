"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { requireActiveActor } from "@/lib/auth/actor";
import { assessAdverseEvent } from "@/lib/safety/assess";
import { markSponsorNotified } from "@/lib/safety/notify-sponsor";
import { signAdverseEvent } from "@/lib/signatures/sign-ae";
import { signEligibility } from "@/lib/signatures/sign-eligibility";

function refresh(aeId?: string) {
  revalidatePath("/safety");
  if (aeId) revalidatePath(`/adverse-events/${aeId}`);
}

/** "Assess": FormData → assessAdverseEvent → the dialog's state. */
export async function assessAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const ae = await assessAdverseEvent(actor, values);
    refresh(ae.id);
    return { status: "success", message: `Assessment saved for ${ae.eventTerm}. Sign it to complete the review.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

/** "Sign": the password travels only in this request; formValues never sends it back. */
export async function signAeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    await signAdverseEvent(actor, { ...values, password: formData.get("password") ?? "" });
    refresh(values.id);
    return { status: "success", message: "Signed: reviewed and assessed." };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function notifySponsorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const ae = await markSponsorNotified(actor, values);
    refresh(ae.id);
    revalidatePath("/");
    return { status: "success", message: `Sponsor notification recorded for ${ae.eventTerm}.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function signEligibilityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    await signEligibility(actor, { ...values, password: formData.get("password") ?? "" });
    revalidatePath("/safety");
    revalidatePath("/screening");
    return { status: "success", message: "Signed: eligibility confirmed." };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}
