/**
 * The screening rules shared by recording and correcting a screening: what the subject's lifecycle
 * status becomes, and the checks that need the subject and the site's clock.
 */
import type { DbOrTx } from "@/db";
import type { ScreeningStatus, SubjectStatus } from "./types";
import { localDate, siteToday } from "../dates";
import { formatDate } from "../format";
import type { FieldErrors } from "../errors";
import { isActiveSiteStaff } from "../users/site-staff";

/** Only subjects still in screening (or screen-failed, to be rescreened) take new screenings. */
export const SCREENING_STAGE: readonly SubjectStatus[] = ["screening", "screen_failed"];

/** A failure makes the subject a screen failure; any other outcome reopens a screen failure. */
export function subjectStatusAfter(current: SubjectStatus, outcome: ScreeningStatus): SubjectStatus {
  if (!SCREENING_STAGE.includes(current)) return current;
  return outcome === "failed" ? "screen_failed" : "screening";
}

type Facts = {
  siteId: string;
  timezone: string;
  consentSignedAt: Date | null;
};

/** Field errors for an outcome (date at the site, consent, who completed it); {} when it is fine. */
export async function outcomeErrors(
  tx: DbOrTx,
  subject: Facts,
  outcome: { screeningStatus: ScreeningStatus; screeningDate: string; completedById: string },
  actorId: string,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => void (errors[field] ??= []).push(message);
  if (outcome.screeningDate > siteToday(subject.timezone)) add("screeningDate", "The screening date cannot be in the future.");
  if (outcome.screeningStatus === "passed") {
    if (!subject.consentSignedAt) {
      add("screeningStatus", "A subject without signed consent cannot pass screening.");
    } else {
      const consentDay = localDate(subject.consentSignedAt, subject.timezone);
      if (outcome.screeningDate < consentDay) {
        add("screeningDate", `Screening cannot pass before consent was signed (${formatDate(consentDay)}).`);
      }
    }
  }
  // The recorder is site staff already (the policy let them in); anyone else chosen must be too.
  if (outcome.completedById !== actorId && !(await isActiveSiteStaff(tx, subject.siteId, outcome.completedById))) {
    add("completedById", "Choose an active coordinator or investigator of this site.");
  }
  return errors;
}
