/** Subject notes of every kind, dated by the events they are about. */
import { CALL_NOTES, CONSENT_NOTES, GENERAL_NOTES, SCREENING_NOTES, VISIT_NOTES } from "./clinical-texts";
import { addMinutes, dayFromIso } from "./dates";
import type { Rng } from "./random";
import { addNote, atSite, pickRecorder, slotMinutes, type Story } from "./story";

export function addNotes(story: Story, rng: Rng): void {
  const { site } = story.study;
  const consentAt = story.subject.consentSignedAt;
  if (consentAt && rng.chance(0.9)) {
    addNote(story, {
      authorId: story.subject.coordinatorId,
      noteType: "consent",
      noteText: rng.pick(CONSENT_NOTES),
      at: addMinutes(consentAt, rng.int(10, 60)),
    });
  }
  const screening = story.screenings[0];
  if (screening && rng.chance(0.6)) {
    addNote(story, {
      authorId: pickRecorder(rng, story),
      noteType: "screening",
      noteText: rng.pick(SCREENING_NOTES),
      at: atSite(site, dayFromIso(screening.screeningDate), slotMinutes(rng) + 90),
    });
  }
  if (rng.chance(0.45)) {
    addNote(story, {
      authorId: pickRecorder(rng, story),
      noteType: "call",
      noteText: rng.pick(CALL_NOTES),
      at: atSite(site, rng.int(story.registeredDay, site.today), slotMinutes(rng)),
    });
  }
  const done = story.visits.filter((v) => v.visitStatus === "completed" && v.completedAt);
  if (done.length > 0 && rng.chance(0.5)) {
    const visit = rng.pick(done);
    addNote(story, {
      authorId: visit.coordinatorId,
      noteType: "visit",
      noteText: rng.pick(VISIT_NOTES),
      at: addMinutes(visit.completedAt ?? visit.scheduledAt, rng.int(5, 60)),
    });
  }
  if (rng.chance(0.2)) {
    addNote(story, {
      authorId: story.subject.coordinatorId,
      noteType: "general",
      noteText: rng.pick(GENERAL_NOTES),
      at: atSite(site, rng.int(story.registeredDay, site.today), slotMinutes(rng)),
    });
  }
}
