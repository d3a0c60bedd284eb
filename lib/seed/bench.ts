/**
 * The large benchmark data set: N more subjects on top of the demo's sites, accounts and studies,
 * spread evenly over the studies, with exact per-subject proportions so a benchmark knows what it
 * is measuring — per subject 1 screening (every 10th subject 2: a rescreen, then the pass),
 * 5 visits (the first four protocol visits and the end-of-study visit), 2 notes, and an AE for
 * every other subject. Bench subjects are all enrolled or past it (on study, completed,
 * withdrawn, lost); the demo subjects supply the screening-stage mix.
 *
 * Meant for a database of its own (e.g. trialdesk_bench); repeated runs continue the numbering.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { subjects } from "@/db/schema";
import { recordEvent } from "@/lib/write/road";
import { addAdverseEvent } from "./adverse-events";
import { loadContext } from "./bench-context";
import { CALL_NOTES, CONSENT_NOTES, GENERAL_NOTES, SCREENING_NOTES, VISIT_NOTES } from "./clinical-texts";
import type { SeedContext, StudyCtx } from "./context";
import { addMinutes } from "./dates";
import { summary } from "./demo-data";
import { insertClinicalRows, type InsertTimings } from "./insert";
import { createRng, type Rng } from "./random";
import { countRows, emptyClinicalRows, type ClinicalCounts, type ClinicalRows } from "./rows";
import { addNote, atSite, flattenStories, newStory, pickCoordinator, pickRecorder, slotMinutes, subjectIdentity, type Story } from "./story";
import { completedJourney, enrolledJourney, lostJourney, withdrawnJourney } from "./treatment-journeys";

export const BENCH_SEED = 42;
export const BENCH_VISITS_PER_SUBJECT = 5;
/** Two concurrent bench runs would pick the same subject numbers; this makes the second wait. */
const BENCH_LOCK = 7_270_011;

export type BenchResult = {
  counts: ClinicalCounts;
  /** Subject identifiers B-<first> … B-<first + N - 1>. */
  firstNumber: number;
  timings: { loadMs: number; generateMs: number; insertMs: InsertTimings; totalMs: number };
};

export const benchSubjectId = (n: number): string => `B-${String(n).padStart(6, "0")}`;

/** Four protocol visits from the start plus the last, so "completed" still ends at end of study. */
function benchStudy(study: StudyCtx): StudyCtx | null {
  const n = BENCH_VISITS_PER_SUBJECT;
  if (study.schedule.length < n) return null;
  const last = study.schedule[study.schedule.length - 1];
  return last ? { ...study, schedule: [...study.schedule.slice(0, n - 1), last] } : null;
}

function benchStory(study: StudyCtx, n: number, index: number, seed: number, now: Date): Story {
  const rng = createRng(seed, "bench", n);
  const identity = subjectIdentity(rng, study.site.region, now);
  // Old enough to have finished? Most did; the rest left early. Otherwise mostly still on study.
  const status = rng.weighted<Story["subject"]["status"] & string>([
    ["enrolled", 60],
    ["completed", 22],
    ["withdrawn", 10],
    ["lost_to_follow_up", 8],
  ]);
  const story = newStory(study, identity, {
    now,
    coordinatorId: pickCoordinator(rng, study.site),
    status,
    screeningStatus: "passed",
  });
  story.subject.subjectId = benchSubjectId(n);
  const opts = { rescreen: index % 10 === 0 };
  if (status === "completed") completedJourney(story, rng, opts);
  else if (status === "withdrawn") withdrawnJourney(story, rng, opts);
  else if (status === "lost_to_follow_up") lostJourney(story, rng, opts);
  else enrolledJourney(story, rng, null, opts);
  if (index % 2 === 0) addBenchAdverseEvent(story, rng);
  addBenchNotes(story, rng);
  return story;
}

function addBenchAdverseEvent(story: Story, rng: Rng): void {
  const anchor = story.anchor ?? story.study.site.today - 1;
  // Journeys enrol on or before yesterday, so this range is never empty.
  const last = Math.max(anchor, Math.min(story.study.site.today - 1, story.endDay ?? Infinity));
  addAdverseEvent(story, rng, rng.int(anchor, last), { safetyVisit: false });
}

function addBenchNotes(story: Story, rng: Rng): void {
  const { site } = story.study;
  addNote(story, {
    authorId: story.subject.coordinatorId,
    noteType: "consent",
    noteText: rng.pick(CONSENT_NOTES),
    at: addMinutes(story.subject.consentSignedAt ?? story.now, rng.int(10, 60)),
  });
  const noteType = rng.pick(["call", "visit", "screening", "general"] as const);
  const text = { call: CALL_NOTES, visit: VISIT_NOTES, screening: SCREENING_NOTES, general: GENERAL_NOTES }[noteType];
  addNote(story, {
    authorId: pickRecorder(rng, story),
    noteType,
    noteText: rng.pick(text),
    at: atSite(site, rng.int(story.registeredDay, site.today), slotMinutes(rng)),
  });
}

export function buildBenchRows(context: SeedContext, count: number, firstNumber: number, seed: number): ClinicalRows {
  const usable = context.studies.map(benchStudy).filter((s): s is StudyCtx => s !== null);
  if (usable.length === 0) {
    throw new Error(
      `the bench needs studies with at least ${BENCH_VISITS_PER_SUBJECT} schedule items at sites with an active coordinator and investigator — load the demo data first`,
    );
  }
  const stories: Story[] = [];
  for (let i = 0; i < count; i++) {
    stories.push(benchStory(usable[i % usable.length] as StudyCtx, firstNumber + i, i, seed, context.now));
  }
  return flattenStories(stories, emptyClinicalRows());
}

async function lastBenchNumber(db: Pick<Db, "select">): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(substring(${subjects.subjectId} from 3)::int), 0)`.mapWith(Number) })
    .from(subjects)
    .where(sql`${subjects.subjectId} ~ '^B-[0-9]+$'`);
  return row?.n ?? 0;
}

export async function seedBench(
  db: Db,
  opts: { subjects: number; seed?: number; now?: Date },
): Promise<BenchResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BENCH_LOCK})`);
    const context = await loadContext(tx, now);
    const firstNumber = (await lastBenchNumber(tx)) + 1;
    const loaded = performance.now();
    const rows = buildBenchRows(context, opts.subjects, firstNumber, opts.seed ?? BENCH_SEED);
    const generated = performance.now();
    const insertMs = await insertClinicalRows(tx, rows);
    const counts = countRows(rows);
    await recordEvent({
      actor: null,
      actorUsername: "system",
      entity: "system",
      action: "seed_bench",
      changes: summary(counts),
      reason: `Benchmark data: ${opts.subjects} subjects from ${benchSubjectId(firstNumber)}`,
    }, tx);
    return {
      counts,
      firstNumber,
      timings: {
        loadMs: Math.round(loaded - started),
        generateMs: Math.round(generated - loaded),
        insertMs,
        totalMs: Math.round(performance.now() - started),
      },
    };
  });
}
