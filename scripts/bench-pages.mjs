#!/usr/bin/env node
/**
 * `npm run bench:pages`: server render time of each coordinator page on a large site.
 *
 * Seeds the 10,000-subject dataset (≈50,000 visits, 5,000 AEs, 20,000 notes) into a database of its
 * own on PostgreSQL, starts `next start` on it, signs in as coordinator1 over HTTP, requests each page
 * (warm-up, then sequential timed requests) and prints p50/p95 per page. A benchmark, not a test.
 *
 * BENCH_DATABASE_URL picks the server (default postgres://postgres@127.0.0.1:5432/trialdesk_bench_pages;
 * the database is dropped and recreated). BENCH_REQUESTS sets the timed requests per page (default 40).
 * BENCH_PORT picks the port (default 3400).
 * BENCH_AGAINST=<dir> compares with another built checkout on the same data (see startServers).
 *
 * BENCH_EMBEDDED=1 (or `npm run bench:pages -- --embedded`): what a newcomer meets instead — the
 * embedded PGlite database with the demo data (about 200 subjects), no PostgreSQL involved. It
 * spawns `node scripts/start.mjs` (what `npm start` runs) on a fresh directory under the system's
 * temporary directory (TRIALDESK_PGLITE_DIR; no DATABASE_URL, no AUDIT_KEY), where start.mjs's
 * prepare step migrates and loads the demo data by itself, and prints the time to the first page
 * (spawn → GET /login answers 200, the build already present: node's start-up, migrations, the demo
 * data, the server's start and the page's first render) and to the first signed-in dashboard (that
 * plus signing in and GET /). It then reads the ids it needs (coordinator1's busiest subject, latest
 * visit and AE) through the REST API — PGlite admits one process, the server's — and times the same
 * pages, flagging those over 100 ms p50 (issue 13's target on the embedded database). The directory
 * is removed afterwards. Not with BENCH_AGAINST. NEXT_DIST_DIR picks the build, as for `npm start`;
 * a missing or stale one is rebuilt by start.mjs, and the result says so.
 * BENCH_COLD_BUILD=1 (embedded only) first measures the same time to the first page with the build
 * included: start.mjs builds into an empty NEXT_DIST_DIR of its own (.next-bench-cold-<pid>, used
 * for the timed pages too and removed afterwards; the build's rewrite of tsconfig.json and
 * next-env.d.ts is undone), on a fresh directory of its own.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { benchEnv, dropDatabase, embeddedEnv, pct, recreateDatabase, root, seed, startServer, waitFor } from "./bench-common.mjs";

const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/trialdesk_bench_pages");
const port = Number(process.env.BENCH_PORT ?? 3400);
const requests = Number(process.env.BENCH_REQUESTS ?? 40);
const env = benchEnv(url, port);

/** Signs in through Auth.js's own endpoints, like a browser would; returns the Cookie header. */
async function signIn(base, username, password) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair.split("=");
      jar.set(k, v.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${username} failed`);
  return cookie();
}

async function time(server, pathname) {
  const t = performance.now();
  const res = await fetch(`${server.base}${pathname}`, { headers: { cookie: server.cookie }, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${server.name}: ${pathname} answered ${res.status}`);
  return performance.now() - t;
}

/**
 * With BENCH_AGAINST=<a built checkout of another revision>, that build serves the same database
 * on the next port, and each page is timed on both in alternating rounds — so "before" and "after"
 * share the machine's state, the data and the warm caches, and only the code differs.
 */
async function startServers() {
  const servers = [{ name: "this", dir: root, port }];
  if (process.env.BENCH_AGAINST) servers.push({ name: path.basename(path.resolve(process.env.BENCH_AGAINST)), dir: path.resolve(process.env.BENCH_AGAINST), port: port + 1 });
  for (const server of servers) {
    server.base = `http://localhost:${server.port}`;
    server.stop = startServer("node", ["scripts/start.mjs"], benchEnv(url, server.port), server.dir);
  }
  for (const server of servers) {
    await waitFor(`${server.base}/login`);
    server.cookie = await signIn(server.base, "coordinator1", "TrialDesk-demo-1");
  }
  return servers;
}

const PAGES = (ids) => [
  ["dashboard", "/"],
  ["screening queue", "/screening"],
  ["subjects", "/subjects"],
  ["subjects search", "/subjects?q=smith"],
  ["subject timeline", `/subjects/${ids.subject}`],
  ["new subject form", "/subjects/new"],
  ["visits month", "/visits?view=month"],
  ["visits week", "/visits?view=week"],
  ["visits agenda", "/visits?view=agenda"],
  ["visit", `/visits/${ids.visit}`],
  ["adverse events", "/adverse-events"],
  ["serious AEs", "/adverse-events?serious=true"],
  ["adverse event", `/adverse-events/${ids.ae}`],
  ["AE report form", "/adverse-events/new"],
];

/** Times each page on every server (warm-up, then `rounds` alternating rounds); returns the rows. */
async function timePages(servers, pages, rounds) {
  const rows = [];
  for (const [name, p] of pages) {
    const samples = servers.map(() => []);
    for (const server of servers) for (let i = 0; i < 5; i++) await time(server, p); // warm-up: JIT, caches, connections
    for (let r = 0; r < rounds; r++) {
      for (const [k, server] of servers.entries()) for (let i = 0; i < requests / rounds; i++) samples[k].push(await time(server, p));
    }
    for (const s of samples) s.sort((a, b) => a - b);
    rows.push({ page: name, path: p.length > 48 ? `${p.slice(0, 45)}…` : p, stats: samples.map((s) => ({ p50: pct(s, 50), p95: pct(s, 95) })) });
  }
  return rows;
}

async function main() {
  await recreateDatabase(url);
  seed(env);
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  // The busiest subject of site 1 (most visits + AEs + notes) for the timeline.
  const [subject] = await sql`
    select s.id from subjects s join users u on u.site_id = s.site_id and u.username = 'coordinator1'
    order by (select count(*) from visits v where v.subject_id = s.id) + (select count(*) from adverse_events a where a.subject_id = s.id)
           + (select count(*) from subject_notes n where n.subject_id = s.id) desc limit 1`;
  const [ae] = await sql`select a.id from adverse_events a join users u on u.site_id = a.site_id and u.username = 'coordinator1' order by a.onset_date desc limit 1`;
  const [visit] = await sql`select v.id from visits v join users u on u.site_id = v.site_id and u.username = 'coordinator1' order by v.scheduled_at desc limit 1`;
  await sql.end();

  const servers = await startServers();
  const rounds = servers.length > 1 ? 4 : 1;
  try {
    const rows = await timePages(servers, PAGES({ subject: subject.id, visit: visit.id, ae: ae.id }), rounds);
    console.log(`\nServer render + transfer, ${requests} sequential requests per page after 5 warm-up, signed in as coordinator1 on 10,000 subjects:`);
    if (servers.length === 1) {
      printTable(rows);
    } else {
      const [a, b] = servers.map((s) => s.name.slice(0, 12));
      console.log(`(${rounds} alternating rounds; the other build is ${servers[1].dir})`);
      console.log(`${"page".padEnd(18)} ${`${a} p50`.padStart(14)} ${`${b} p50`.padStart(14)} ${`${a} p95`.padStart(14)} ${`${b} p95`.padStart(14)}  ratio p50`);
      for (const r of rows) {
        const [x, y] = r.stats;
        console.log(`${r.page.padEnd(18)} ${x.p50.toFixed(1).padStart(14)} ${y.p50.toFixed(1).padStart(14)} ${x.p95.toFixed(1).padStart(14)} ${y.p95.toFixed(1).padStart(14)}  ${(x.p50 / y.p50).toFixed(2)}`);
      }
    }
  } finally {
    for (const server of servers) server.stop();
  }
  await dropDatabase(url);
}

/** One server's table; with `target`, pages whose p50 is over it are flagged. */
function printTable(rows, target) {
  console.log(`${"page".padEnd(18)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  path`);
  for (const r of rows) {
    const over = target !== undefined && r.stats[0].p50 > target ? `   << over ${target} ms p50` : "";
    console.log(`${r.page.padEnd(18)} ${r.stats[0].p50.toFixed(1).padStart(8)} ${r.stats[0].p95.toFixed(1).padStart(8)}  ${r.path}${over}`);
  }
}

// ---- The embedded database (BENCH_EMBEDDED=1 / --embedded) -------------------------------------

/** Issue 13's target for every page on the embedded database with the demo data. */
const EMBEDDED_TARGET_MS = 100;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Resolves when the process has exited (at once if it already has). */
const exited = (child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", resolve)));

/**
 * Spawns `node scripts/start.mjs` on a fresh embedded directory and times it until GET /login
 * answers 200, noting from its output when it built, when the database was ready (prepare.ts
 * prints the time it took to open it: migrations and the demo data) and when the server was spawned.
 */
async function startEmbedded(dataDir, distDir) {
  const server = { name: "this", base: `http://localhost:${port}`, marks: {} };
  const t0 = performance.now();
  const since = () => performance.now() - t0;
  const extra = distDir ? { NEXT_DIST_DIR: distDir } : {};
  server.stop = startServer("node", ["scripts/start.mjs"], embeddedEnv(dataDir, port, extra), root, {
    onLine(line) {
      if (/^(No build yet|Sources changed since the last build)/.test(line)) server.marks.build = since();
      const ready = /^TrialDesk database ready \(.*?(\d+) ms\)/.exec(line);
      if (ready) [server.marks.ready, server.marks.openMs] = [since(), Number(ready[1])];
      if (line.startsWith("TrialDesk is starting on")) server.marks.serving = since();
      // The server logs every request (lib/log); hundreds of those lines would bury the results.
      return !line.includes('"msg":"request"');
    },
  });
  const child = server.stop.child;
  server.stopped = async () => {
    server.stop();
    await exited(child);
  };
  // Polled every 50 ms (waitFor's 500 would blur the figure), giving up if start.mjs exits.
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`scripts/start.mjs exited (${child.exitCode ?? child.signalCode}) before serving /login`);
    const res = await fetch(`${server.base}/login`).catch(() => null);
    if (res) await res.arrayBuffer();
    if (res?.status === 200) break;
    if (since() > 900_000) throw new Error(`${server.base}/login did not answer 200 within 15 minutes`);
    await new Promise((r) => setTimeout(r, 50));
  }
  server.marks.login = since();
  server.sinceStart = since;
  return server;
}

/** What one start cost, phase by phase. */
function printStart(title, m) {
  console.log(`\n${title}`);
  console.log(`  first page (GET /login answered 200)     ${seconds(m.login).padStart(8)}  from spawning \`node scripts/start.mjs\``);
  if (m.build !== undefined) console.log(`    of which the build (next build)        ${seconds(m.ready - m.openMs - m.build).padStart(8)}  (${m.cold ? "the build directory was empty" : "start.mjs found the build missing or stale"}; approximate: up to the database step)`);
  else console.log(`    build                                        —  (present and current: start.mjs only compared the sources' times)`);
  if (m.openMs !== undefined) console.log(`    the database step (migrations, demo)   ${seconds(m.openMs).padStart(8)}  (as prepare.ts reports it; fresh directory, so it created and loaded it)`);
  if (m.serving !== undefined) console.log(`    start.mjs until it spawned the server  ${seconds(m.serving).padStart(8)}  (node + tsx start-up, the build check, the database step)`);
  if (m.serving !== undefined) console.log(`    the server until /login answered 200   ${seconds(m.login - m.serving).padStart(8)}  (Next's start, the app's open of the database, the page's first render)`);
  if (m.dashboard !== undefined) {
    console.log(`  first signed-in dashboard (GET / 200)    ${seconds(m.dashboard).padStart(8)}  from the same spawn`);
    console.log(`    signing in as coordinator1 (Auth.js)   ${seconds(m.signIn).padStart(8)}`);
    console.log(`    the dashboard's first render           ${seconds(m.firstDashboard).padStart(8)}`);
  }
}

/** GET on the REST API with a bearer token. */
async function api(base, token, pathname) {
  const res = await fetch(`${base}/api/v1${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET /api/v1${pathname} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Every row of a list endpoint (retired ones too, like the PostgreSQL mode's SQL), page by page. */
async function listAll(base, token, resource) {
  const rows = [];
  let cursor;
  do {
    const page = await api(base, token, `/${resource}?limit=200&retired=include${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/**
 * The ids the PostgreSQL mode reads with SQL, read through the REST API as coordinator1 (the server
 * holds the PGlite directory): the site's busiest subject (most visits + AEs + notes), its latest
 * AE by onset and its latest visit by schedule.
 */
async function embeddedIds(base) {
  const res = await fetch(`${base}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "coordinator1", password: "TrialDesk-demo-1" }),
  });
  if (res.status !== 201) throw new Error(`API sign-in as coordinator1 failed: ${res.status} ${await res.text()}`);
  const { token, user } = await res.json();
  const [subjects, visits, aes, notes] = await Promise.all(["subjects", "visits", "adverse-events", "subject-notes"].map((r) => listAll(base, token, r)));
  const mine = (rows) => rows.filter((r) => r.siteId === user.siteId);
  const weight = new Map(mine(subjects).map((s) => [s.id, 0]));
  for (const r of [...mine(visits), ...mine(aes), ...mine(notes)]) if (weight.has(r.subjectId)) weight.set(r.subjectId, weight.get(r.subjectId) + 1);
  const latest = (rows, field) => mine(rows).reduce((a, b) => (b[field] > a[field] ? b : a));
  const [subject, most] = [...weight].reduce((a, b) => (b[1] > a[1] ? b : a));
  await fetch(`${base}/api/v1/sessions/current`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }).catch(() => {});
  return {
    subject,
    visit: latest(visits, "scheduledAt").id,
    ae: latest(aes, "onsetDate").id,
    about: `${weight.size} subjects at coordinator1's site; the timeline's subject has ${most} visits + AEs + notes`,
  };
}

/**
 * Undoes what `next build` into another NEXT_DIST_DIR does to the checkout: it adds that directory
 * to tsconfig.json's include (reformatting the file) and points next-env.d.ts at it. The times are
 * restored too, so the next `npm start` does not find the sources newer than its build.
 */
function keepFiles(names) {
  const saved = names.map((name) => {
    const file = path.join(root, name);
    if (!fs.existsSync(file)) return { file };
    const stat = fs.statSync(file);
    return { file, text: fs.readFileSync(file), atime: stat.atime, mtime: stat.mtime };
  });
  return () => {
    for (const s of saved) {
      if (s.text === undefined) {
        fs.rmSync(s.file, { force: true });
      } else if (!fs.existsSync(s.file) || !fs.readFileSync(s.file).equals(s.text)) {
        fs.writeFileSync(s.file, s.text);
        fs.utimesSync(s.file, s.atime, s.mtime);
      }
    }
  };
}

async function mainEmbedded() {
  if (process.env.BENCH_AGAINST) throw new Error("BENCH_AGAINST compares two builds on one PostgreSQL database; it is not available with BENCH_EMBEDDED");
  const began = performance.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "trialdesk-bench-pages-"));
  const cleanups = [() => fs.rmSync(scratch, { recursive: true, force: true })];
  let server;
  try {
    let distDir;
    if (process.env.BENCH_COLD_BUILD === "1") {
      distDir = `.next-bench-cold-${process.pid}`;
      cleanups.unshift(keepFiles(["tsconfig.json", "next-env.d.ts"]), () => fs.rmSync(path.join(root, distDir), { recursive: true, force: true }));
      fs.mkdirSync(path.join(scratch, "cold"));
      const cold = await startEmbedded(path.join(scratch, "cold", "pglite"), distDir);
      await cold.stopped();
      printStart(`Cold: time to the first page, build included (empty ${distDir}), on a fresh embedded database:`, { ...cold.marks, cold: true });
    }
    server = await startEmbedded(path.join(scratch, "pglite"), distDir);
    const t = performance.now();
    server.cookie = await signIn(server.base, "coordinator1", "TrialDesk-demo-1");
    server.marks.signIn = performance.now() - t;
    server.marks.firstDashboard = await time(server, "/");
    server.marks.dashboard = server.sinceStart();
    const built = server.marks.build !== undefined;
    printStart(
      built ? "Time to the first page on a fresh embedded database — start.mjs had to build first (no current build), so the build is included:" : "Time to the first page on a fresh embedded database, the build already present:",
      server.marks,
    );

    const ids = await embeddedIds(server.base);
    const rows = await timePages([server], PAGES(ids), 1);
    console.log(`\nServer render + transfer, ${requests} sequential requests per page after 5 warm-up, signed in as coordinator1, embedded PGlite with the demo data`);
    console.log(`(${ids.about}):`);
    printTable(rows, EMBEDDED_TARGET_MS);
    const over = rows.filter((r) => r.stats[0].p50 > EMBEDDED_TARGET_MS);
    console.log(over.length === 0 ? `Every page under ${EMBEDDED_TARGET_MS} ms p50.` : `${over.length} of ${rows.length} pages over ${EMBEDDED_TARGET_MS} ms p50: ${over.map((r) => r.page).join(", ")}.`);
  } finally {
    if (server) await server.stopped();
    for (const cleanup of cleanups) cleanup();
  }
  console.log(`(bench:pages --embedded took ${seconds(performance.now() - began)})`);
}

const embedded = process.env.BENCH_EMBEDDED === "1" || process.argv.includes("--embedded");
(embedded ? mainEmbedded() : main()).catch((error) => {
  console.error(`bench:pages failed: ${error.message}`);
  process.exit(1);
});
