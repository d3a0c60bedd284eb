/**
 * Subjects who never enrolled: still in screening (pending, rescreen, or passed and waiting for
 * their baseline visit) and screen failures. Their only visits are screening visits (and, for a
 * passed subject, the booked baseline), outside any anchored window.
 */
import { RESCREEN_NOTES, SCREEN_FAIL_REASONS, SCREENING_PASS_NOTES } from "./clinical-texts";
import type { Rng } from "./random";
import { addScreening, atSite, setConsent, setRegistered, slotMinutes, type Story } from "./story";
import { addVisit } from "./visits";

const item = (story: Story, visitType: "screening" | "baseline") =>
  story.study.schedule.find((s) => s.visitType === visitType) ?? null;

const registeredAt = (story: Story) => story.subject.createdAt ?? story.now;

/** Registered, maybe consented, eligibility not yet decided. */
export function pendingJourney(story: Story, rng: Rng): void {
  const today = story.study.site.today;
  setRegistered(story, today - rng.int(0, 20), rng);
  const scr = item(story, "screening");
  if (rng.chance(0.4)) {
    // A referral not yet consented: nothing may happen before consent but booking the visit.
    if (rng.chance(0.7)) {
      addVisit(story, rng, { item: scr, day: today + rng.int(0, 7), status: "scheduled", createdAt: registeredAt(story) });
    }
    return;
  }
  const consentDay = Math.max(story.registeredDay, today - rng.int(1, 14));
  setConsent(story, consentDay, rng);
  const day = Math.min(today, consentDay + rng.int(0, 3));
  addScreening(story, rng, { day, status: "pending", notes: "Screening procedures done; awaiting central lab results." });
  addVisit(story, rng, {
    item: scr,
    day,
    status: day < today ? "completed" : "scheduled",
    createdAt: registeredAt(story),
  });
}

/** Failed or could not complete screening once; cleared to try again. */
export function rescreenJourney(story: Story, rng: Rng): void {
  const today = story.study.site.today;
  setRegistered(story, today - rng.int(25, 70), rng);
  const scr = item(story, "screening");
  setConsent(story, story.registeredDay, rng);
  const firstDay = story.registeredDay + rng.int(1, 5);
  if (rng.chance(0.5)) {
    addScreening(story, rng, {
      day: firstDay,
      status: "failed",
      failReason: rng.pick(SCREEN_FAIL_REASONS[story.study.area]),
    });
  }
  addVisit(story, rng, { item: scr, day: firstDay, status: "completed", createdAt: registeredAt(story) });
  addScreening(story, rng, {
    day: Math.max(firstDay + 1, today - rng.int(1, 10)),
    status: "rescreen",
    notes: rng.pick(RESCREEN_NOTES),
  });
  addVisit(story, rng, { item: scr, day: today + rng.int(0, 10), status: "scheduled", createdAt: registeredAt(story) });
}

/** Eligible; the baseline (enrolment) visit is booked. */
export function passedJourney(story: Story, rng: Rng): void {
  const today = story.study.site.today;
  setRegistered(story, today - rng.int(8, 20), rng);
  setConsent(story, story.registeredDay, rng);
  const day = Math.min(today - 1, story.registeredDay + rng.int(2, 6));
  addScreening(story, rng, { day, status: "passed", notes: rng.pick(SCREENING_PASS_NOTES) });
  addVisit(story, rng, { item: item(story, "screening"), day, status: "completed", createdAt: registeredAt(story) });
  addVisit(story, rng, {
    item: item(story, "baseline"),
    day: today + rng.int(0, 10),
    status: "scheduled",
    createdAt: atSite(story.study.site, day, slotMinutes(rng)),
  });
}

export function screenFailedJourney(story: Story, rng: Rng): void {
  const today = story.study.site.today;
  const scr = item(story, "screening");
  setRegistered(story, today - rng.int(5, 300), rng);
  setConsent(story, story.registeredDay, rng);
  let day = story.registeredDay + rng.int(1, 4);
  // A first attempt that needed a rescreen, when there was time for one before the failure.
  if (story.registeredDay < today - 30 && rng.chance(0.25)) {
    addScreening(story, rng, { day, status: "rescreen", notes: rng.pick(RESCREEN_NOTES) });
    addVisit(story, rng, { item: scr, day, status: "completed", createdAt: registeredAt(story) });
    day += rng.int(7, 14);
  }
  day = Math.min(day, today - 1);
  addScreening(story, rng, { day, status: "failed", failReason: rng.pick(SCREEN_FAIL_REASONS[story.study.area]) });
  addVisit(story, rng, { item: scr, day, status: "completed", createdAt: registeredAt(story) });
}
