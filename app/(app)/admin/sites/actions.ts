"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { createSite, updateSite } from "@/lib/admin/sites";
import { requireActiveActor } from "@/lib/auth/actor";

export async function createSiteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const site = await createSite(actor, { name: formData.get("name"), timezone: formData.get("timezone") });
    revalidatePath("/admin/sites");
    return { status: "success", message: `Site ${site.name} added.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function updateSiteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const site = await updateSite(actor, {
      id: formData.get("id"),
      version: formData.get("version"),
      name: formData.get("name"),
      timezone: formData.get("timezone"),
    });
    revalidatePath("/admin/sites");
    revalidatePath(`/admin/sites/${site.id}`);
    return { status: "success", message: `Site ${site.name} saved.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}
