/**
 * Adverse events during participation. Severity, CTCAE grade and seriousness go together the way
 * they do in practice; the 24-hour sponsor clock, the outcome and the investigator's assessment
 * follow from how long ago the site learnt of the event.
 */
import { randomUUID } from "node:crypto";
import type { AdverseEventRow } from "./rows";
import { AE_TERMS, SERIOUS_TERMS, UNSCHEDULED_VISIT_NOTE } from "./clinical-texts";
import { addMinutes, isoDay, notAfter, type Day } from "./dates";
import type { Rng } from "./random";
import { addNote, atSite, pickRecorder, type Story } from "./story";
import { addVisit } from "./visits";

type Severity = AdverseEventRow["severity"];
type Criterion = NonNullable<AdverseEventRow["seriousnessCriteria"]>[number];

const HOUR = 60;
const DAY = 24 * HOUR;

/** The fields a generated AE needs from its caller; the rest have sensible derivations. */
export type AeFacts = {
  onset: Day;
  eventTerm: string;
  severity: Severity;
  grade: number;
  criteria: Criterion[];
  awareAt: Date;
};

export function pickInvestigator(rng: Rng, story: Story): string {
  return rng.chance(0.6) ? story.study.piId : rng.pick(story.study.site.investigatorIds);
}

/** The AE row itself; status, outcome, notification and assessment are set by the caller. */
export function aeRow(story: Story, rng: Rng, facts: AeFacts): AdverseEventRow {
  const createdAt = notAfter(addMinutes(facts.awareAt, rng.int(5, 4 * HOUR)), story.now);
  return {
    id: randomUUID(),
    siteId: story.study.site.id,
    studyId: story.study.id,
    subjectId: story.subject.id,
    eventTerm: facts.eventTerm,
    severity: facts.severity,
    serious: facts.criteria.length > 0,
    seriousnessCriteria: facts.criteria,
    onsetDate: isoDay(facts.onset),
    status: "open",
    reportedById: pickRecorder(rng, story),
    grade: facts.grade,
    awareAt: facts.awareAt,
    createdAt,
    updatedAt: createdAt,
  };
}

function randomFacts(story: Story, rng: Rng, onset: Day): AeFacts {
  const eventTerm = rng.pick(AE_TERMS[story.study.area]);
  const seriousProne = SERIOUS_TERMS.includes(eventTerm);
  const severity = rng.weighted<Severity>(
    seriousProne
      ? [["moderate", 30], ["severe", 70]]
      : [["mild", 50], ["moderate", 37], ["severe", 13]],
  );
  const grade = severity === "mild" ? 1 : severity === "moderate" ? 2 : rng.chance(0.75) ? 3 : 4;
  const serious =
    grade === 4 || (seriousProne && rng.chance(0.8)) || (severity === "severe" && rng.chance(0.35)) ||
    (severity === "moderate" && rng.chance(0.04));
  const criteria: Criterion[] = !serious
    ? []
    : grade === 4
      ? ["life_threatening", "hospitalization"]
      : [rng.weighted<Criterion>([["hospitalization", 75], ["other_important_medical_event", 20], ["disability", 5]])];
  const aware = atSite(story.study.site, onset + rng.int(0, 2), 8 * HOUR + rng.int(0, 10 * HOUR));
  return { onset, eventTerm, severity, grade, criteria, awareAt: notAfter(aware, addMinutes(story.now, -30)) };
}

/** Status, outcome, end date, sponsor notification and assessment of a random AE. */
function followUp(story: Story, rng: Rng, ae: AdverseEventRow, onset: Day): void {
  const today = story.study.site.today;
  const now = story.now;
  const old = today - onset > 30;
  ae.status = rng.weighted<AdverseEventRow["status"] & string>(
    old
      ? [["closed", 45], ["resolved", 25], ["follow_up", 15], ["open", 15]]
      : [["open", 55], ["follow_up", 30], ["resolved", 15]],
  );
  if (ae.status === "resolved" || ae.status === "closed") {
    ae.endDate = isoDay(Math.min(today, onset + rng.int(1, 21)));
    ae.outcome = (ae.grade ?? 1) >= 3 && rng.chance(0.35) ? "recovered_with_sequelae" : "recovered";
  } else if (ae.status === "follow_up") {
    ae.outcome = rng.weighted([["recovering", 60], ["not_recovered", 30], ["unknown", 10]] as const);
  } else {
    ae.outcome = rng.chance(0.5) ? null : rng.pick(["recovering", "not_recovered"] as const);
  }
  if (ae.serious) {
    const notified = addMinutes(ae.awareAt, rng.int(HOUR, 20 * HOUR));
    ae.sponsorNotifiedAt = notified.getTime() <= now.getTime() ? notified : null;
  }
  const awareDaysAgo = (now.getTime() - ae.awareAt.getTime()) / (DAY * 60_000);
  const assessed = ae.status === "closed" || rng.chance(awareDaysAgo >= 3 ? 0.7 : 0.15);
  if (assessed) {
    assess(story, rng, ae, {
      causality: rng.weighted([["not_related", 25], ["unlikely", 25], ["possible", 30], ["probable", 15], ["definite", 5]] as const),
      expectedness: rng.chance(0.7) ? "expected" : "unexpected",
    });
  }
}

export function assess(
  story: Story,
  rng: Rng,
  ae: AdverseEventRow,
  verdict: { causality: NonNullable<AdverseEventRow["causality"]>; expectedness: NonNullable<AdverseEventRow["expectedness"]> },
): void {
  ae.causality = verdict.causality;
  ae.expectedness = verdict.expectedness;
  ae.assessedById = pickInvestigator(rng, story);
  ae.assessedAt = notAfter(addMinutes(ae.awareAt, rng.int(2 * HOUR, 5 * DAY)), addMinutes(story.now, -10));
  ae.updatedAt = ae.assessedAt;
}

/**
 * One random AE starting on `onset`. A serious one brings the subject in for an unscheduled
 * safety visit the next day, unless `safetyVisit` is off (the bench keeps visit counts exact).
 */
export function addAdverseEvent(story: Story, rng: Rng, onset: Day, opts: { safetyVisit: boolean }): void {
  const ae = aeRow(story, rng, randomFacts(story, rng, onset));
  followUp(story, rng, ae, onset);
  story.adverseEvents.push(ae);
  if (!opts.safetyVisit || !ae.serious || onset + 1 >= story.study.site.today) return;
  const visit = addVisit(story, rng, {
    item: null,
    visitType: "unscheduled",
    day: onset + 1,
    status: "completed",
    createdAt: ae.awareAt,
  });
  addNote(story, {
    authorId: visit.coordinatorId,
    noteType: "visit",
    noteText: `${UNSCHEDULED_VISIT_NOTE} (${ae.eventTerm})`,
    at: addMinutes(visit.completedAt ?? visit.scheduledAt, 15),
  });
}

/** 0–3 AEs between enrolment and the subject's last day (or yesterday). */
export function addAdverseEvents(story: Story, rng: Rng): void {
  if (story.anchor === null) return;
  const from = story.anchor + 1;
  const to = Math.min(story.study.site.today - 1, story.endDay ?? Infinity);
  if (to < from) return;
  const count = rng.weighted([[0, 45], [1, 33], [2, 15], [3, 7]] as const);
  for (let i = 0; i < count; i++) addAdverseEvent(story, rng, rng.int(from, to), { safetyVisit: true });
}
