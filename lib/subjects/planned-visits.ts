/**
 * Turning a study's visit schedule into a subject's planned visits on enrollment. Pure, so the
 * arithmetic is tested on its own: the anchor is the enrollment date at the site; each visit is
 * planned at 09:00 site time on anchor + dayOffset, with its window in site-local calendar days.
 */
import type { VisitScheduleItem } from "@/db/schema";
import { addDaysIso, localDateTimeToInstant, type IsoDate } from "../dates";

/** Visits are planned at 09:00 site time; the coordinator reschedules to the real slot. */
export const PLANNED_VISIT_TIME = "09:00";

export type PlannedVisit = {
  scheduleItemId: string;
  visitType: VisitScheduleItem["visitType"];
  scheduledAt: Date;
  windowStart: IsoDate;
  windowEnd: IsoDate;
};

type ScheduleItem = Pick<VisitScheduleItem, "id" | "visitType" | "dayOffset" | "windowBefore" | "windowAfter" | "sortOrder" | "retiredAt">;

/**
 * Items before the anchor (negative day offsets: the protocol's screening visit) are not planned:
 * a subject can only be enrolled after passing screening, so those visits are already behind
 * them, and a "scheduled" visit in the past would sit on everyone's overdue list.
 */
export function isPlannedOnEnrollment(item: Pick<VisitScheduleItem, "dayOffset" | "retiredAt">): boolean {
  return item.retiredAt === null && item.dayOffset >= 0;
}

export function plannedVisits(schedule: readonly ScheduleItem[], anchor: IsoDate, timeZone: string): PlannedVisit[] {
  return [...schedule]
    .filter(isPlannedOnEnrollment)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((item) => {
      const day = addDaysIso(anchor, item.dayOffset);
      return {
        scheduleItemId: item.id,
        visitType: item.visitType,
        scheduledAt: localDateTimeToInstant(`${day}T${PLANNED_VISIT_TIME}`, timeZone)!,
        windowStart: addDaysIso(day, -item.windowBefore),
        windowEnd: addDaysIso(day, item.windowAfter),
      };
    });
}
