/**
 * The checks a task's fields take once its site is known: a due time that exists at the site and is
 * plausible (the visits' rule: within a year back and five years ahead), and a person who is an
 * active coordinator or investigator there. Each adds its message to `errors` under its field.
 */
import "server-only";
import type { DbOrTx } from "@/db";
import { isActiveSiteStaff } from "../users/site-staff";
import { checkVisitTime } from "../visits/time-rules";

export function checkDueAt(errors: Record<string, string[]>, value: string, timeZone: string, now: Date): Date | null {
  return checkVisitTime(errors, "dueAt", value, timeZone, now);
}

export async function checkAssignee(tx: DbOrTx, errors: Record<string, string[]>, siteId: string, assigneeId: string): Promise<void> {
  if (!(await isActiveSiteStaff(tx, siteId, assigneeId))) errors.assigneeId = ["Choose an active coordinator or investigator of this site."];
}

export const FIX_FIELDS = "Please correct the highlighted fields.";
