/**
 * Safety situations the demo must always show, whatever the random draws: at each site one SAE
 * whose 24-hour sponsor clock has run out and one still running (both unassessed), and one fatal,
 * unexpected SAE (a 7-day expedited-report candidate) in the oncology study.
 */
import type { StudyCtx } from "./context";
import { AE_TERMS, SERIOUS_TERMS } from "./clinical-texts";
import { addMinutes, isoDay, localDay } from "./dates";
import type { Rng } from "./random";
import { aeRow, assess } from "./adverse-events";
import { atSite, type Story } from "./story";

const HOUR = 60;

function seriousTerm(rng: Rng, study: StudyCtx): string {
  const terms = AE_TERMS[study.area].filter((t) => SERIOUS_TERMS.includes(t));
  return rng.pick(terms.length > 0 ? terms : AE_TERMS[study.area]);
}

/** The enrolled subject who has been on study longest: any recent onset fits their timeline. */
function longestEnrolled(stories: Story[]): Story | undefined {
  return stories
    .filter((s) => s.subject.status === "enrolled" && s.anchor !== null)
    .sort((a, b) => (a.anchor ?? 0) - (b.anchor ?? 0))[0];
}

/** An SAE reported `hoursAgo` hours ago: open, not yet sent to the sponsor, not yet assessed. */
function unreportedSae(story: Story, rng: Rng, hoursAgo: number): void {
  const awareAt = addMinutes(story.now, -hoursAgo * HOUR - rng.int(0, 50));
  const awareDay = localDay(awareAt, story.study.site.timezone);
  const ae = aeRow(story, rng, {
    onset: Math.max((story.anchor ?? awareDay) + 1, awareDay - 1),
    eventTerm: seriousTerm(rng, story.study),
    severity: "severe",
    grade: 3,
    criteria: ["hospitalization"],
    awareAt,
  });
  ae.outcome = "not_recovered";
  story.adverseEvents.push(ae);
}

function fatalSae(story: Story, rng: Rng): void {
  if (story.anchor === null || story.endDay === null) return;
  const deathDay = story.endDay;
  const onset = Math.max(story.anchor + 1, deathDay - rng.int(3, 8));
  const awareAt = new Date(
    Math.min(atSite(story.study.site, onset + 1, 10 * HOUR).getTime(), addMinutes(story.now, -HOUR).getTime()),
  );
  const eventTerm = seriousTerm(rng, story.study);
  const ae = aeRow(story, rng, {
    onset,
    eventTerm,
    severity: "severe",
    grade: 5,
    criteria: ["death", "hospitalization"],
    awareAt,
  });
  ae.status = "closed";
  ae.outcome = "fatal";
  ae.endDate = isoDay(Math.max(onset, deathDay));
  ae.sponsorNotifiedAt = addMinutes(awareAt, 3 * HOUR);
  assess(story, rng, ae, { causality: "possible", expectedness: "unexpected" });
  story.adverseEvents.push(ae);
  story.subject.withdrawalReason = `Death (SAE: ${eventTerm}, fatal).`;
}

export function addSafetyScenarios(studyStories: Map<StudyCtx, Story[]>, rng: Rng): void {
  const bySite = new Map<string, StudyCtx[]>();
  for (const study of studyStories.keys()) {
    bySite.set(study.site.id, [...(bySite.get(study.site.id) ?? []), study]);
  }
  for (const [, studies] of bySite) {
    const [first, second] = studies;
    const overdue = first && longestEnrolled(studyStories.get(first) ?? []);
    if (overdue) unreportedSae(overdue, rng, rng.int(26, 40));
    const running = second && longestEnrolled(studyStories.get(second) ?? []);
    if (running) unreportedSae(running, rng, rng.int(2, 8));
  }
  const oncology = [...studyStories.keys()].find((s) => s.area === "oncology");
  const withdrawn = (studyStories.get(oncology as StudyCtx) ?? [])
    .filter((s) => s.subject.status === "withdrawn" && s.anchor !== null && s.endDay !== null)
    .sort((a, b) => (b.endDay ?? 0) - (b.anchor ?? 0) - ((a.endDay ?? 0) - (a.anchor ?? 0)))[0];
  if (withdrawn) fatalSae(withdrawn, rng);
}
