/**
 * The demo's clinical records: about 50 subjects per study, each with a fixed mix of lifecycle
 * states so every status shows up in every study, then their screenings, visits, AEs and notes.
 * Random streams are keyed per study and subject, so names and statuses do not depend on the
 * date the seed runs (only the dates themselves move with "today").
 */
import type { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/db/schema";
import type { SeedContext, StudyCtx } from "./context";
import { addAdverseEvents } from "./adverse-events";
import { addNotes } from "./notes";
import { createRng, type Rng } from "./random";
import { emptyClinicalRows, type ClinicalRows } from "./rows";
import { addSafetyScenarios } from "./scenarios";
import { passedJourney, pendingJourney, rescreenJourney, screenFailedJourney } from "./screening-journeys";
import { flattenStories, newStory, numberSubjects, pickCoordinator, subjectIdentity, type Story } from "./story";
import { STUDY_DEFS } from "./studies";
import { completedJourney, enrolledJourney, lostJourney, withdrawnJourney } from "./treatment-journeys";

type Kind = {
  status: (typeof SUBJECT_STATUSES)[number];
  screeningStatus: (typeof SCREENING_STATUSES)[number];
  journey: (story: Story, rng: Rng) => void;
};

const PENDING: Kind = { status: "screening", screeningStatus: "pending", journey: pendingJourney };
const RESCREEN: Kind = { status: "screening", screeningStatus: "rescreen", journey: rescreenJourney };
const PASSED: Kind = { status: "screening", screeningStatus: "passed", journey: passedJourney };
const FAILED: Kind = { status: "screen_failed", screeningStatus: "failed", journey: screenFailedJourney };
const COMPLETED: Kind = { status: "completed", screeningStatus: "passed", journey: completedJourney };
const WITHDRAWN: Kind = { status: "withdrawn", screeningStatus: "passed", journey: withdrawnJourney };
const LOST: Kind = { status: "lost_to_follow_up", screeningStatus: "passed", journey: lostJourney };
const ENROLLED = { status: "enrolled", screeningStatus: "passed" } as const;

/** Per study; whatever is left of the study's subject count is enrolled and on study. */
const MIX: readonly (readonly [Kind, number])[] = [
  [PENDING, 6],
  [RESCREEN, 3],
  [PASSED, 2],
  [FAILED, 6],
  [COMPLETED, 6],
  [WITHDRAWN, 4],
  [LOST, 3],
];

/** How many on-study subjects have their next visit today, and how many later this week. */
const DUE_TODAY = 2;
const DUE_THIS_WEEK = 4;

function studyStories(study: StudyCtx, seed: number, now: Date): Story[] {
  const count = STUDY_DEFS.find((d) => d.protocolId === study.protocolId)?.subjectCount ?? 50;
  const fixed = MIX.flatMap(([kind, n]) => Array.from({ length: n }, () => kind));
  const kinds: (Kind | typeof ENROLLED)[] = [
    ...fixed,
    ...Array.from({ length: Math.max(0, count - fixed.length) }, () => ENROLLED),
  ];
  const order = createRng(seed, study.protocolId, "mix").shuffle(kinds);
  let enrolledSoFar = 0;
  const stories = order.map((kind, i) => {
    const identity = subjectIdentity(createRng(seed, study.protocolId, i, "identity"), study.site.region, now);
    const rng = createRng(seed, study.protocolId, i, "story");
    const story = newStory(study, identity, {
      now,
      coordinatorId: pickCoordinator(rng, study.site),
      status: kind.status,
      screeningStatus: kind.screeningStatus,
    });
    if ("journey" in kind) {
      kind.journey(story, rng);
    } else {
      const n = enrolledSoFar++;
      enrolledJourney(story, rng, n < DUE_TODAY ? 0 : n < DUE_TODAY + DUE_THIS_WEEK ? rng.int(1, 6) : null);
    }
    addAdverseEvents(story, createRng(seed, study.protocolId, i, "adverse-events"));
    addNotes(story, createRng(seed, study.protocolId, i, "notes"));
    return story;
  });
  numberSubjects(stories);
  return stories;
}

export function buildDemoClinicalRows(context: SeedContext, seed: number): ClinicalRows {
  const byStudy = new Map(context.studies.map((study) => [study, studyStories(study, seed, context.now)]));
  addSafetyScenarios(byStudy, createRng(seed, "scenarios"));
  return flattenStories([...byStudy.values()].flat(), emptyClinicalRows());
}
