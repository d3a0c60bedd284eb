/**
 * Visits: one planned visit per schedule item, anchored on the enrolment day, with its protocol
 * window; what became of each past visit (done in window, done late, missed, canceled, or not
 * yet recorded) is drawn with fixed odds.
 */
import { randomUUID } from "node:crypto";
import type { ScheduleCtx } from "./context";
import { addMinutes, isoDay, notAfter, type Day } from "./dates";
import { CANCEL_REASONS, MISSED_REASONS } from "./clinical-texts";
import type { Rng } from "./random";
import type { VisitRow } from "./rows";
import { atSite, slotMinutes, type Story } from "./story";

export type Window = { start: Day; end: Day };

export const plannedDay = (item: ScheduleCtx, anchor: Day): Day => anchor + item.dayOffset;

export const windowOf = (item: ScheduleCtx, anchor: Day): Window => ({
  start: plannedDay(item, anchor) - item.windowBefore,
  end: plannedDay(item, anchor) + item.windowAfter,
});

export function addVisit(
  story: Story,
  rng: Rng,
  fields: {
    item: ScheduleCtx | null;
    visitType?: VisitRow["visitType"];
    day: Day;
    status: VisitRow["visitStatus"];
    window?: Window | null;
    statusReason?: string | null;
    createdAt: Date;
  },
): VisitRow {
  const { site } = story.study;
  const scheduledAt = atSite(site, fields.day, slotMinutes(rng));
  const completedAt =
    fields.status === "completed" ? notAfter(addMinutes(scheduledAt, rng.int(40, 150)), story.now) : null;
  const coordinatorId = rng.chance(0.8) ? story.subject.coordinatorId : rng.pick(site.coordinatorIds);
  const createdAt = notAfter(fields.createdAt, story.now);
  const row: VisitRow = {
    id: randomUUID(),
    siteId: site.id,
    studyId: story.study.id,
    subjectId: story.subject.id,
    visitType: fields.visitType ?? fields.item?.visitType ?? "unscheduled",
    scheduledAt,
    visitStatus: fields.status,
    location: rng.pick(site.locations),
    coordinatorId,
    scheduleItemId: fields.item?.id ?? null,
    windowStart: fields.window ? isoDay(fields.window.start) : null,
    windowEnd: fields.window ? isoDay(fields.window.end) : null,
    completedAt,
    statusReason: fields.statusReason ?? null,
    createdAt,
    updatedAt: completedAt ?? createdAt,
  };
  story.visits.push(row);
  return row;
}

type Fate = "completed" | "late" | "missed" | "canceled" | "overdue";

export type RollOutOptions = {
  /** Day of the completed screening visit (it matches the passed screening record). */
  screeningDay: Day;
  /** From this schedule index on, the subject is off study. */
  stopFrom?: number;
  /** The day they went off study: planned visits before it were missed, later ones canceled. */
  stopDay?: Day;
  stopReason?: string;
  /** Completed subjects attended their end-of-study visit. */
  lastCompleted?: boolean;
};

/** Turns a study schedule into the subject's visits, as the app does on enrolment. */
export function rollOutSchedule(story: Story, rng: Rng, opts: RollOutOptions): void {
  const { anchor, study } = story;
  if (anchor === null) throw new Error("rollOutSchedule needs an enrolment day");
  const today = study.site.today;
  const enrolledAt = story.subject.enrolledAt ?? story.now;
  const onStudy = opts.stopFrom === undefined;
  study.schedule.forEach((item, index) => {
    const planned = plannedDay(item, anchor);
    const window = windowOf(item, anchor);
    const base = { item, window, createdAt: enrolledAt };
    if (item.visitType === "screening") {
      addVisit(story, rng, { ...base, day: opts.screeningDay, status: "completed", createdAt: story.subject.createdAt ?? enrolledAt });
      return;
    }
    if (opts.stopFrom !== undefined && index >= opts.stopFrom) {
      const missed = opts.stopDay !== undefined && planned < opts.stopDay;
      addVisit(story, rng, {
        ...base,
        day: planned,
        status: missed ? "missed" : "canceled",
        statusReason: missed ? rng.pick(MISSED_REASONS) : (opts.stopReason ?? "Subject off study."),
      });
      return;
    }
    if (planned >= today) {
      addVisit(story, rng, { ...base, day: planned, status: "scheduled" });
      return;
    }
    const isLast = index === study.schedule.length - 1;
    const fate: Fate =
      item.visitType === "baseline" || (isLast && opts.lastCompleted)
        ? "completed"
        : onStudy && planned >= today - 6 && rng.chance(0.3)
          ? "overdue"
          : rng.weighted<Fate>([
              ["completed", 84],
              // Not for subjects who left: a late visit could fall after their last day.
              ["late", onStudy ? 5 : 0],
              ["missed", 7],
              ["canceled", 4],
            ]);
    addVisit(story, rng, pastVisit(rng, fate, planned, window, today, base));
  });
}

function pastVisit(
  rng: Rng,
  fate: Fate,
  planned: Day,
  window: Window,
  today: Day,
  base: { item: ScheduleCtx; window: Window; createdAt: Date },
) {
  switch (fate) {
    case "completed": {
      // Inside the window and before today.
      const day = Math.min(Math.max(planned + rng.int(-2, 2), window.start), window.end, today - 1);
      return { ...base, day, status: "completed" as const };
    }
    case "late": {
      // Done outside the window: late if that is already past, otherwise early.
      const late = window.end + rng.int(1, 5);
      const day = late < today ? late : window.start - rng.int(1, 3);
      return { ...base, day, status: "completed" as const };
    }
    case "missed":
      return { ...base, day: planned, status: "missed" as const, statusReason: rng.pick(MISSED_REASONS) };
    case "canceled":
      return { ...base, day: planned, status: "canceled" as const, statusReason: rng.pick(CANCEL_REASONS) };
    case "overdue":
      // Past its date and nobody has recorded it yet: the dashboard's "overdue" list.
      return { ...base, day: planned, status: "scheduled" as const };
  }
}
