/**
 * Subjects who passed screening and were enrolled: still on study, completed, withdrawn or lost
 * to follow-up. Each journey picks an enrolment (anchor) day relative to the site's today so that
 * the subject is at the right point of the schedule, then rolls the schedule out.
 */
import { COMPLETED_REASON, LOST_REASON, RESCREEN_NOTES, SCREENING_PASS_NOTES, WITHDRAWAL_REASONS } from "./clinical-texts";
import { isoDay, localDay, notAfter, type Day } from "./dates";
import type { Rng } from "./random";
import { addScreening, atSite, setConsent, setRegistered, type Story } from "./story";
import { rollOutSchedule } from "./visits";

const offsetAt = (story: Story, index: number): number => {
  const item = story.study.schedule[index];
  if (!item) throw new Error(`${story.study.protocolId} has no schedule item #${index + 1}`);
  return item.dayOffset;
};

export type JourneyOptions = {
  /** Whether a first screening attempt needed a rescreen before the pass (default: 15% do). */
  rescreen?: boolean;
};

/** Consent, screening (sometimes a first attempt that needed a rescreen) and enrolment. */
function enrol(story: Story, rng: Rng, anchor: Day, opts: JourneyOptions): Day {
  const scr = story.study.schedule.find((s) => s.visitType === "screening");
  const screeningDay = anchor + (scr?.dayOffset ?? -14) + rng.int(-3, 3);
  const rescreened = opts.rescreen ?? rng.chance(0.15);
  const firstDay = rescreened ? screeningDay - rng.int(10, 20) : screeningDay;
  const consentDay = firstDay - rng.int(0, 3);
  setRegistered(story, consentDay - rng.int(0, 7), rng);
  setConsent(story, consentDay, rng);
  if (rescreened) {
    addScreening(story, rng, { day: firstDay, status: "rescreen", notes: rng.pick(RESCREEN_NOTES) });
  }
  addScreening(story, rng, { day: screeningDay, status: "passed", notes: rng.pick(SCREENING_PASS_NOTES) });
  story.anchor = anchor;
  story.subject.enrolledAt = notAfter(atSite(story.study.site, anchor, 8 * 60 + rng.int(0, 60)), story.now);
  return screeningDay;
}

/**
 * On study. `nextVisitInDays` pins the next planned visit to today (0) or this week (1..6), so
 * each site's dashboard and calendar have content; otherwise it falls anywhere before the next.
 */
export function enrolledJourney(
  story: Story,
  rng: Rng,
  nextVisitInDays: number | null,
  opts: JourneyOptions = {},
): void {
  const n = story.study.schedule.length;
  const next = rng.int(2, n - 1); // screening and baseline are behind them
  const gap = offsetAt(story, next) - offsetAt(story, next - 1);
  const inDays = Math.min(nextVisitInDays ?? rng.int(0, gap - 1), gap - 1);
  const anchor = story.study.site.today + inDays - offsetAt(story, next);
  rollOutSchedule(story, rng, { screeningDay: enrol(story, rng, anchor, opts) });
}

export function completedJourney(story: Story, rng: Rng, opts: JourneyOptions = {}): void {
  const n = story.study.schedule.length;
  const anchor = story.study.site.today - offsetAt(story, n - 1) - rng.int(20, 200);
  rollOutSchedule(story, rng, { screeningDay: enrol(story, rng, anchor, opts), lastCompleted: true });
  const last = story.visits[story.visits.length - 1];
  story.endDay = last ? localDay(last.scheduledAt, story.study.site.timezone) : null;
  story.subject.exitDate = isoDay(story.endDay ?? story.study.site.today);
  story.subject.exitReason = COMPLETED_REASON;
}

export function withdrawnJourney(story: Story, rng: Rng, opts: JourneyOptions = {}): void {
  const { today } = story.study.site;
  const n = story.study.schedule.length;
  const stop = rng.int(2, n - 1); // first visit they will not attend
  const gap = offsetAt(story, stop) - offsetAt(story, stop - 1);
  const anchor = today - offsetAt(story, stop) + rng.int(-60, gap - 1);
  const lastVisit = anchor + offsetAt(story, stop - 1);
  const earliest = Math.min(today - 1, lastVisit + 3);
  const latest = Math.max(earliest, Math.min(today - 1, anchor + offsetAt(story, stop) - 1, earliest + 10));
  const withdrawnDay = rng.int(earliest, latest);
  const screeningDay = enrol(story, rng, anchor, opts);
  rollOutSchedule(story, rng, {
    screeningDay,
    stopFrom: stop,
    stopDay: withdrawnDay,
    stopReason: "Subject withdrawn from study.",
  });
  story.endDay = withdrawnDay;
  story.subject.withdrawnAt = notAfter(atSite(story.study.site, withdrawnDay, 14 * 60 + rng.int(0, 120)), story.now);
  story.subject.withdrawalReason = rng.pick(WITHDRAWAL_REASONS);
}

export function lostJourney(story: Story, rng: Rng, opts: JourneyOptions = {}): void {
  const n = story.study.schedule.length;
  const stop = rng.int(3, n - 1); // first visit they did not come to
  const anchor = story.study.site.today - offsetAt(story, stop - 1) - rng.int(20, 90);
  const lostDay = anchor + offsetAt(story, stop - 1) + rng.int(14, 19);
  const screeningDay = enrol(story, rng, anchor, opts);
  rollOutSchedule(story, rng, {
    screeningDay,
    stopFrom: stop - 1,
    stopDay: lostDay,
    stopReason: "Subject lost to follow-up.",
  });
  story.endDay = lostDay;
  story.subject.exitDate = isoDay(Math.min(lostDay, story.study.site.today));
  story.subject.exitReason = LOST_REASON;
}
