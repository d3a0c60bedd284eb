"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/actor";
import { ConflictError } from "@/lib/errors";
import { formatInstant } from "@/lib/format";
import { retireRecord } from "@/lib/lifecycle/retire";
import { formAction, type FormInput } from "@/lib/validation/form-action";
import { cancelVisit } from "@/lib/visits/cancel";
import { completeVisit } from "@/lib/visits/complete";
import { missVisit } from "@/lib/visits/miss";
import { rescheduleVisit } from "@/lib/visits/reschedule";

type SavedVisit = Awaited<ReturnType<typeof completeVisit>>;

/** The newer visit someone else saved, in the words and times the page shows. */
function shownCurrent(current: SavedVisit, timeZone: string): Record<string, unknown> {
  return {
    scheduledAt: formatInstant(current.scheduledAt, timeZone),
    visitStatus: current.visitStatus,
    location: current.location,
    completedAt: current.completedAt ? formatInstant(current.completedAt, timeZone) : null,
    statusReason: current.statusReason,
  };
}

/**
 * Every visit-page action. Each dialog names its reason box after itself (rescheduleReason,
 * missReason, cancelReason: one page holds them all); the lib calls it `reason`, and so do the
 * field errors the dialogs show.
 */
function visitAction(write: (input: FormInput, actor: Actor) => Promise<SavedVisit>, success: (visit: SavedVisit, timeZone: string) => string) {
  return formAction(
    async (input, actor) => {
      const visit = await write(input, actor);
      revalidatePath(`/visits/${visit.id}`);
      revalidatePath("/visits");
      return { status: "success", message: success(visit, actor.siteTimezone ?? "UTC") };
    },
    {
      refused: (error, state, actor) =>
        error instanceof ConflictError && error.current
          ? { ...state, current: shownCurrent(error.current as SavedVisit, actor?.siteTimezone ?? "UTC") }
          : state,
    },
  );
}

export const rescheduleAction = visitAction(
  (input, actor) => rescheduleVisit(actor, { ...input.pick(["id", "version", "scheduledAt"]), reason: input.text("rescheduleReason") }),
  (visit, tz) => `Visit rescheduled to ${formatInstant(visit.scheduledAt, tz)}.`,
);

export const completeAction = visitAction(
  (input, actor) => completeVisit(actor, input.pick(["id", "version", "completedAt"])),
  (visit, tz) => `Visit completed at ${formatInstant(visit.completedAt ?? new Date(), tz)}.`,
);

export const missAction = visitAction(
  (input, actor) => missVisit(actor, { ...input.pick(["id", "version"]), reason: input.text("missReason") }),
  () => "Visit marked missed.",
);

export const cancelAction = visitAction(
  (input, actor) => cancelVisit(actor, { ...input.pick(["id", "version"]), reason: input.text("cancelReason") }),
  () => "Visit canceled.",
);

/** Retired as entered in error: it leaves every list; its subject's timeline shows it struck through. */
export const retireVisitAction = formAction(async (input, actor) => {
  const retired = await retireRecord(actor, "visit", input.pick(["id", "version", "reason"]));
  revalidatePath(`/subjects/${retired.subjectId}`);
  redirect(`/subjects/${retired.subjectId}?notice=retired-visit`);
});
