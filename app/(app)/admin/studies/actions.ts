"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addScheduleItem, retireScheduleItem, updateScheduleItem } from "@/lib/admin/schedule";
import { grantSponsorAccess, revokeSponsorAccess } from "@/lib/admin/sponsor-access";
import { createStudy, updateStudy } from "@/lib/admin/studies";
import { formAction } from "@/lib/validation/form-action";

const STUDY_FIELDS = ["protocolId", "title", "status", "principalInvestigatorId", "siteId"] as const;
const ITEM_FIELDS = ["code", "name", "visitType", "dayOffset", "windowBefore", "windowAfter", "sortOrder"] as const;

export const createStudyAction = formAction(async (input, actor) => {
  const study = await createStudy(actor, input.pick(STUDY_FIELDS));
  revalidatePath("/admin/studies");
  redirect(`/admin/studies/${study.id}`);
});

export const updateStudyAction = formAction(async (input, actor) => {
  const study = await updateStudy(actor, input.pick(["id", "version", ...STUDY_FIELDS]));
  revalidatePath(`/admin/studies/${study.id}`);
  return { status: "success", message: `Study ${study.protocolId} saved.` };
});

/** One form adds a planned visit or, carrying its id, edits one. */
export const saveScheduleItemAction = formAction(async (input, actor) => {
  const item = input.text("id")
    ? await updateScheduleItem(actor, input.pick(["id", "version", ...ITEM_FIELDS]))
    : await addScheduleItem(actor, input.pick(["studyId", ...ITEM_FIELDS]));
  revalidatePath(`/admin/studies/${item.studyId}`);
  return { status: "success", message: `Visit ${item.code} saved.` };
});

export const retireScheduleItemAction = formAction(async (input, actor) => {
  const item = await retireScheduleItem(actor, input.pick(["id", "version", "reason"]));
  revalidatePath(`/admin/studies/${item.studyId}`);
  return { status: "success", message: `Visit ${item.code} retired.` };
});

export const grantSponsorAction = formAction(async (input, actor) => {
  const access = await grantSponsorAccess(actor, input.pick(["studyId", "userId"]));
  revalidatePath(`/admin/studies/${access.studyId}`);
  return { status: "success", message: "Sponsor access granted." };
});

export const revokeSponsorAction = formAction(async (input, actor) => {
  const access = await revokeSponsorAccess(actor, input.pick(["studyId", "userId"]));
  revalidatePath(`/admin/studies/${access.studyId}`);
  return { status: "success", message: "Sponsor access revoked." };
});
