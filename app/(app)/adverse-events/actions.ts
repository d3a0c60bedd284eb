"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AE_FIELD_LABELS, formatAeValue } from "@/lib/adverse-events/labels";
import { reportAdverseEvent } from "@/lib/adverse-events/report";
import { updateAdverseEvent } from "@/lib/adverse-events/update";
import { ConflictError } from "@/lib/errors";
import { retireRecord } from "@/lib/lifecycle/retire";
import { formAction, type FormInput } from "@/lib/validation/form-action";

/** The AE fields as the lib functions take them; checkboxes read explicitly (absent = unticked). */
function aeInput(input: FormInput) {
  return {
    ...input.pick(["eventTerm", "severity", "grade", "onsetDate", "awareAt", "outcome", "endDate", "status"]),
    serious: input.checked("serious"),
    seriousnessCriteria: input.all("seriousnessCriteria"),
  };
}

export const reportAeAction = formAction(async (input, actor) => {
  const ae = await reportAdverseEvent(actor, { subjectId: input.text("subjectId"), ...aeInput(input) });
  revalidatePath("/adverse-events");
  redirect(`/adverse-events/${ae.id}?reported=1`);
});

export const updateAeAction = formAction(
  async (input, actor) => {
    const ae = await updateAdverseEvent(actor, { ...input.pick(["id", "version", "reason"]), ...aeInput(input) });
    revalidatePath(`/adverse-events/${ae.id}`);
    revalidatePath("/adverse-events");
    return { status: "success", message: "Changes saved." };
  },
  {
    refused: (error, state, actor) => {
      if (!(error instanceof ConflictError) || !error.current) return state;
      // Shown as text in the site's time; the version lets "save again" replace their values knowingly.
      const timeZone = actor?.siteTimezone ?? "UTC";
      const current = error.current as Record<string, unknown>;
      return {
        ...state,
        current: {
          ...Object.fromEntries(
            Object.keys(AE_FIELD_LABELS)
              .filter((k) => k in current && k !== "reportedById" && k !== "assessedById")
              .map((k) => [k, formatAeValue(k, current[k], timeZone)]),
          ),
          version: current.version,
        },
      };
    },
  },
);

/** Retired as entered in error: it leaves every list; its subject's timeline shows it struck through. */
export const retireAeAction = formAction(async (input, actor) => {
  const retired = await retireRecord(actor, "adverse_event", input.pick(["id", "version", "reason"]));
  revalidatePath(`/subjects/${retired.subjectId}`);
  redirect(`/subjects/${retired.subjectId}?notice=retired-ae`);
});
