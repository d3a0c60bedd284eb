"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { addScheduleItem, retireScheduleItem, updateScheduleItem } from "@/lib/admin/schedule";
import { grantSponsorAccess, revokeSponsorAccess } from "@/lib/admin/sponsor-access";
import { createStudy, updateStudy } from "@/lib/admin/studies";
import { requireActiveActor } from "@/lib/auth/actor";

const STUDY_FIELDS = ["protocolId", "title", "status", "principalInvestigatorId", "siteId"] as const;
const ITEM_FIELDS = ["code", "name", "visitType", "dayOffset", "windowBefore", "windowAfter", "sortOrder"] as const;

/** Only the named fields, so a crafted form cannot slip extra keys past the strict schemas' messages. */
const pick = (formData: FormData, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, formData.get(n) ?? ""]));

export async function createStudyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const actor = await requireActiveActor();
    id = (await createStudy(actor, pick(formData, STUDY_FIELDS))).id;
    revalidatePath("/admin/studies");
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
  redirect(`/admin/studies/${id}`);
}

export async function updateStudyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const study = await updateStudy(actor, { ...pick(formData, ["id", "version", ...STUDY_FIELDS]) });
    revalidatePath(`/admin/studies/${study.id}`);
    return { status: "success", message: `Study ${study.protocolId} saved.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function saveScheduleItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const studyId = String(formData.get("studyId") ?? "");
  try {
    const actor = await requireActiveActor();
    const item = formData.get("id")
      ? await updateScheduleItem(actor, pick(formData, ["id", "version", ...ITEM_FIELDS]))
      : await addScheduleItem(actor, pick(formData, ["studyId", ...ITEM_FIELDS]));
    revalidatePath(`/admin/studies/${studyId}`);
    return { status: "success", message: `Visit ${item.code} saved.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function retireScheduleItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const item = await retireScheduleItem(actor, pick(formData, ["id", "version", "reason"]));
    revalidatePath(`/admin/studies/${item.studyId}`);
    return { status: "success", message: `Visit ${item.code} retired.` };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function grantSponsorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const access = await grantSponsorAccess(actor, pick(formData, ["studyId", "userId"]));
    revalidatePath(`/admin/studies/${access.studyId}`);
    return { status: "success", message: "Sponsor access granted." };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}

export async function revokeSponsorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActiveActor();
    const access = await revokeSponsorAccess(actor, pick(formData, ["studyId", "userId"]));
    revalidatePath(`/admin/studies/${access.studyId}`);
    return { status: "success", message: "Sponsor access revoked." };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}
