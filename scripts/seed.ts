/**
 * `npm run db:seed -- [--subjects N]`
 *
 * Without --subjects: loads the demo data (lib/seed/demo.ts) into the configured database — DATABASE_URL,
 * or the embedded PGlite — unless it already has users, and says what it did. Unlike the app, it
 * does this on an empty PostgreSQL database too: running the command is the request.
 *
 * With --subjects N: also adds N benchmark subjects with their screenings, visits, AEs and notes
 * (lib/seed/bench.ts). Give the bench a database of its own; there is no --reset, a fresh database
 * is the reset:
 *   createdb -h 127.0.0.1 -U postgres trialdesk_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/trialdesk_bench npm run db:seed -- --subjects 10000
 */
import { parseArgs } from "node:util";
import { and, asc, eq, sql } from "drizzle-orm";
import { closeDb, dbKind, getDb, type Db } from "@/db";
import { ensureDemoData, registerDemoData } from "@/lib/seed/demo";
import { auditEvents } from "@/db/schema";
import { seedBench } from "@/lib/seed/bench";
import { queryRows, tableCounts } from "@/lib/seed/query-rows";

const USAGE = "usage: npm run db:seed -- [--subjects N]   (N from 1 to 999999)";
const MAX_SUBJECTS = 999_999; // bench subject ids are B-000001 … B-999999

function parseOptions(): { subjects: number | null } {
  let values: { subjects?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { subjects: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError("");
  if (values.subjects === undefined) return { subjects: null };
  const n = Number(values.subjects);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SUBJECTS) {
    throw new UsageError(`--subjects must be a whole number from 1 to ${MAX_SUBJECTS}, not "${values.subjects}"`);
  }
  return { subjects: n };
}

class UsageError extends Error {}

/** Where we are writing, without credentials. */
function target(kind: "postgres" | "pglite"): string {
  const url = process.env.DATABASE_URL;
  if (kind === "pglite" || !url) return "embedded PGlite";
  const u = new URL(url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

const ms = (from: number): string => `${Math.round(performance.now() - from)} ms`;

/** What ensureDemoData's answer means here (the open itself may have seeded an embedded database). */
async function describeDemo(db: Db, result: string, startedAt: Date): Promise<string> {
  if (result === "seeded") return "demo data loaded";
  const [seed] = await db
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, "system"), eq(auditEvents.action, "seed")))
    .orderBy(asc(auditEvents.seq))
    .limit(1);
  if (!seed) return "the database already has users (not the demo's): demo data not loaded";
  // The audit row carries the database's clock; compare it with our start on that same clock.
  const [clock] = await queryRows<{ now: Date | string }>(db, sql`select now() as now`);
  const skew = new Date(clock?.now ?? Date.now()).getTime() - Date.now();
  if (seed.at.getTime() >= startedAt.getTime() + skew - 1_000) return "demo data loaded while opening the database";
  return `demo data already present (loaded ${seed.at.toISOString()})`;
}

async function main(): Promise<void> {
  const { subjects } = parseOptions();
  const startedAt = new Date();
  const started = performance.now();
  registerDemoData();
  const db = await getDb(); // migrates; an empty embedded database gets the demo data here already
  const kind = await dbKind();
  console.log(`${target(kind)}: opened and migrated in ${ms(started)}`);

  const demoStarted = performance.now();
  const result = await ensureDemoData(db, { embedded: kind === "pglite", requested: true });
  const took = result === "seeded" ? ` in ${ms(demoStarted)}` : "";
  console.log(`${await describeDemo(db, result, startedAt)}${took}`);

  if (subjects !== null) {
    const bench = await seedBench(db, { subjects });
    const { counts, timings } = bench;
    console.log(
      `bench: added ${counts.subjects} subjects (B-${String(bench.firstNumber).padStart(6, "0")} on), ` +
        `${counts.screenings} screenings, ${counts.visits} visits, ${counts.adverseEvents} AEs, ${counts.notes} notes`,
    );
    const inserts = Object.entries(timings.insertMs)
      .map(([table, t]) => `${table} ${t} ms`)
      .join(", ");
    console.log(
      `bench: ${timings.totalMs} ms in all — read setup ${timings.loadMs} ms, generate ${timings.generateMs} ms, insert: ${inserts}`,
    );
  }

  const counts = await tableCounts(db);
  console.log(`rows now: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  console.log(`done in ${ms(started)}`);
}

main()
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      process.exitCode = 2;
    } else {
      console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  })
  .finally(() => closeDb().catch(() => {}));
