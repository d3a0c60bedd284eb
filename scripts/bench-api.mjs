#!/usr/bin/env node
/**
 * `npm run bench:api`: REST throughput on a large site (issue 5, "Speed").
 *
 * Seeds the 10,000-subject dataset into a PostgreSQL database of its own, starts on it what
 * `npm start` runs (scripts/start.mjs: builds when the build is missing or stale, migrates, then
 * serves with scripts/serve.mjs; the server measured is that one, labelled "npm start"), signs in as
 * coordinator1 through POST /api/v1/sessions, and runs autocannon (10 connections, 10 s after a 3 s
 * warm-up) per scenario, printing req/s, p50 and p99. It then runs the same scenarios against the
 * same router on a bare node:http server (scripts/api-bare-server.ts, labelled "bare node:http"), so
 * the cost of Next's request pipeline is measured, not guessed. A benchmark, not a test.
 *
 * `npm run bench:api -- --json FILE` also writes the results as a JSON array
 * [{server, scenario, connections, rps, p50, p99, errors}] (errors: non-2xx answers and socket errors;
 * `npm run bench:peer` reads it).
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/trialdesk_bench_api; dropped and
 * recreated), BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS
 * (default 10; several, e.g. "1,10,50", run every scenario at each), BENCH_SUBJECTS (the dataset's size, default 10000; passed to `db:seed --subjects`),
 * BENCH_PORT (default 3450; the bare server takes the next one), BENCH_SKIP_BARE=1,
 * BENCH_SKIP_NEXT=1, BENCH_SCENARIOS (comma-separated names, e.g. "subject timeline"),
 * BENCH_KEEP_DB=1 (keep the seeded template database `<name>_seed` and reuse it next time, for iterating),
 * BENCH_AGAINST=<dir> (another built checkout, measured alternately on the same data; BENCH_ROUNDS).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { benchEnv, dropDatabase, recreateDatabase, seed, startServer, waitFor } from "./bench-common.mjs";

const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/trialdesk_bench_api");
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
// One count, or several ("1,10,50": every scenario at each — how throughput rises with concurrency).
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? "10").split(",").map(Number);
if (!connectionCounts.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`BENCH_CONNECTIONS must be whole numbers above 0, comma-separated, not "${process.env.BENCH_CONNECTIONS}"`);
const connections = connectionCounts[0];
const subjects = Number(process.env.BENCH_SUBJECTS ?? 10000);
const { values: args } = parseArgs({ options: { json: { type: "string" } } });
const nextPort = Number(process.env.BENCH_PORT ?? 3450);
const barePort = nextPort + 1;
// The benchmark itself is far above a person's rate limit; lift it for this run only.
const extra = { API_RATE_LIMIT_PER_MINUTE: "100000000", DATABASE_POOL_SIZE: "10" };

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** A create scenario: every request POSTs a new body. */
function createEach(name, url, auth, target, body) {
  const setupRequest = (req) => ({ ...req, body: JSON.stringify(body()) });
  return { name, url, method: "POST", headers: { ...auth, "content-type": "application/json" }, requests: [{ method: "POST", setupRequest }], target };
}

async function scenarios(base, token, ids) {
  const auth = { authorization: `Bearer ${token}` };
  const from = ids.weekStart.toISOString();
  const to = new Date(ids.weekStart.getTime() + 7 * 86_400_000).toISOString();
  let n = 0;
  return [
    { name: "screening queue", url: `${base}/api/v1/screenings?include=subject,study&order=-screeningDate&limit=50`, headers: auth, target: 400 },
    {
      name: "visit week",
      url: `${base}/api/v1/visits?visitStatus=scheduled&scheduledFrom=${encodeURIComponent(from)}&scheduledTo=${encodeURIComponent(to)}&order=scheduledAt&limit=200`,
      headers: auth,
      target: 450,
    },
    { name: "serious AEs", url: `${base}/api/v1/adverse-events?serious=true&include=subject&order=-onsetDate&limit=50`, headers: auth, target: 460 },
    { name: "subject timeline", url: `${base}/api/v1/subjects/${ids.subjectId}/timeline`, headers: auth, target: 400 },
    // Each request a distinct unscheduled visit for one of the site's enrolled subjects.
    createEach("create visit", `${base}/api/v1/visits`, auth, 580, () => ({
      subjectId: ids.enrolled[n++ % ids.enrolled.length],
      visitType: "unscheduled",
      scheduledAt: new Date(Date.now() + (1 + (n % 300)) * 86_400_000).toISOString(),
      location: "Clinic",
      coordinatorId: ids.coordinatorId,
    })),
    // The rules' worst case (issue 11): each request a serious AE, which alerts the site's
    // investigators, queues their email and leaves the PI a task — in the same transaction.
    createEach("report SAE", `${base}/api/v1/adverse-events`, auth, null, () => ({
      subjectId: ids.enrolled[n++ % ids.enrolled.length],
      eventTerm: "Pneumonia",
      severity: "severe",
      grade: 3,
      serious: true,
      seriousnessCriteria: ["hospitalization"],
      onsetDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    })),
  ];
}

async function measure(label, base, token, ids) {
  const rows = [];
  const only = process.env.BENCH_SCENARIOS?.split(",");
  for (const s of await scenarios(base, token, ids)) {
    if (only && !only.includes(s.name)) continue;
    const { target, name, ...opts } = s;
    // Check the scenario answers correctly before timing it.
    const probe = await run({ ...opts, duration: 1, connections: 1, amount: 1 });
    if (probe.non2xx > 0 || probe.errors > 0) console.warn(`  ${label} ${name}: the probe request failed (non-2xx ${probe.non2xx}, errors ${probe.errors})`);
    for (const c of connectionCounts) {
      if (warmup > 0) await run({ ...opts, connections: c, duration: warmup });
      const r = await run({ ...opts, connections: c, duration });
      rows.push({ label, name, connections: c, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, target });
    }
  }
  return rows;
}

async function main() {
  if (!Number.isInteger(subjects) || subjects < 1) throw new Error(`BENCH_SUBJECTS must be a whole number above 0, not "${process.env.BENCH_SUBJECTS}"`);
  const env = benchEnv(url, nextPort, extra);
  // Seeded once into a template; every server gets a fresh copy, so the creates of one run do not
  // swell the timeline the next one reads.
  const template = new URL(url);
  template.pathname = `${url.pathname}_seed`;
  const keep = process.env.BENCH_KEEP_DB === "1";
  if (!keep || !(await isSeeded(template, subjects))) {
    await recreateDatabase(template);
    seed({ ...env, DATABASE_URL: template.toString() }, subjects);
  }
  const sql = postgres(template.toString(), { max: 1, onnotice: () => {} });
  const [coordinator] = await sql`select id, site_id from users where username = 'coordinator1'`;
  // The busiest subject of the site, for the timeline; the site's enrolled subjects, for creates.
  const [subject] = await sql`
    select s.id from subjects s where s.site_id = ${coordinator.site_id}
    order by (select count(*) from visits v where v.subject_id = s.id) + (select count(*) from adverse_events a where a.subject_id = s.id)
           + (select count(*) from subject_notes n where n.subject_id = s.id) desc limit 1`;
  const enrolled = (await sql`select id from subjects where site_id = ${coordinator.site_id} and status = 'enrolled' limit 200`).map((r) => r.id);
  // The week (from today, UTC midnight) — the seed schedules visits around today.
  const weekStart = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
  await sql.end();
  const ids = { subjectId: subject.id, enrolled, coordinatorId: coordinator.id, weekStart };

  const results = [];
  // BENCH_AGAINST=<a built checkout of another revision>: its `next start` runs the same scenarios
  // on a fresh copy of the same data, alternating with this one for BENCH_ROUNDS rounds (default 2).
  const builds = [{ label: "npm start", dir: undefined }];
  if (process.env.BENCH_AGAINST) builds.push({ label: path.basename(path.resolve(process.env.BENCH_AGAINST)), dir: path.resolve(process.env.BENCH_AGAINST) });
  const rounds = Number(process.env.BENCH_ROUNDS ?? (builds.length > 1 ? 2 : 1));
  for (let round = 0; round < rounds && process.env.BENCH_SKIP_NEXT !== "1"; round++) {
    for (const build of builds) {
      await recreateDatabase(url, template);
      const stopNext = startServer("node", ["scripts/start.mjs"], env, build.dir);
      try {
        const base = `http://localhost:${nextPort}`;
        await waitFor(`${base}/api/v1/openapi.json`);
        const token = await signIn(base);
        results.push(...(await measure(build.label, base, token, ids)));
      } finally {
        stopNext();
      }
    }
  }
  if (process.env.BENCH_SKIP_BARE !== "1") {
    await recreateDatabase(url, template);
    const stopBare = startServer("node", ["--max-semi-space-size=32", "--conditions=react-server", "--import", "tsx", "scripts/api-bare-server.ts"], { ...env, PORT: String(barePort) });
    try {
      const base = `http://localhost:${barePort}`;
      await waitFor(`${base}/api/v1/openapi.json`);
      const token = await signIn(base);
      results.push(...(await measure("bare node:http", base, token, ids)));
    } finally {
      stopBare();
    }
  }

  console.log(`\nautocannon, ${connectionCounts.join(" / ")} connections, ${duration} s after a ${warmup} s warm-up, coordinator1 on ${subjects.toLocaleString("en")} subjects (PostgreSQL):`);
  console.log(`${"server".padEnd(14)} ${"scenario".padEnd(17)} ${"conns".padStart(5)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"target".padStart(7)}  non-2xx`);
  for (const r of results) {
    console.log(
      `${r.label.padEnd(14)} ${r.name.padEnd(17)} ${String(r.connections).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.target ?? "—").padStart(7)}  ${r.non2xx + r.errors}`,
    );
  }
  if (args.json) {
    const rows = results.map((r) => ({ server: r.label, scenario: r.name, connections: r.connections, rps: Math.round(r.rps * 10) / 10, p50: r.p50, p99: r.p99, errors: r.non2xx + r.errors }));
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(args.json, JSON.stringify(rows, null, 2) + "\n");
    console.log(`results written to ${args.json}`);
  }
  await dropDatabase(url);
  if (!keep) await dropDatabase(template);
}

/** Holds exactly `n` benchmark subjects (B-000001 …; the demo's own subjects are not counted). */
async function isSeeded(u, n) {
  const sql = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from subjects where subject_id ~ '^B-[0-9]+$'`;
    return row.n === n;
  } catch {
    return false;
  } finally {
    await sql.end();
  }
}

async function signIn(base) {
  const res = await fetch(`${base}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "coordinator1", password: "TrialDesk-demo-1" }),
  });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

main().catch((error) => {
  console.error(`bench:api failed: ${error.message}`);
  process.exit(1);
});
