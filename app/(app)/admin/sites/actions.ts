"use server";

import { revalidatePath } from "next/cache";
import { createSite, updateSite } from "@/lib/admin/sites";
import { formAction } from "@/lib/validation/form-action";

export const createSiteAction = formAction(async (input, actor) => {
  const site = await createSite(actor, input.pick(["name", "timezone"]));
  revalidatePath("/admin/sites");
  return { status: "success", message: `Site ${site.name} added.` };
});

export const updateSiteAction = formAction(async (input, actor) => {
  const site = await updateSite(actor, input.pick(["id", "version", "name", "timezone"]));
  revalidatePath("/admin/sites");
  revalidatePath(`/admin/sites/${site.id}`);
  return { status: "success", message: `Site ${site.name} saved.` };
});
