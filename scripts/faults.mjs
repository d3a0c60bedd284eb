#!/usr/bin/env node
/**
 * `npm run test:faults` (issue 12, "Prove it: Faults"): the production build under the load of
 * scripts/load-workload.mjs while things break.
 *
 * On PostgreSQL (a fresh database next to DATABASE_URL's):
 *  1. database outage: every backend of the app's database terminated and new connections refused
 *     for FAULTS_OUTAGE_SECONDS (5) — `ALTER DATABASE … ALLOW_CONNECTIONS false` +
 *     `pg_terminate_backend`, which touches no other database on the server;
 *  2. server restart: `pg_ctlcluster <version> main restart` (the machine's cluster; waits until it
 *     answers again). It disturbs everyone on that server, so it runs only when FAULTS_RESTART_CLUSTER=1;
 *  3. the app SIGKILLed mid-write, then started again.
 * On the embedded database (a fresh PGlite directory): 3 again.
 *
 * During an outage every request must be answered within 10 s, and any 5xx must be a 503
 * problem+json with Retry-After (never an HTML 500, never a hang); the app keeps its process and
 * answers normally again within FAULTS_RECOVERY_SECONDS (15) without a restart. After each fault:
 * both-or-neither for every row written (each row and its audit row), `audit:verify` passes, and
 * a live stream (GET /api/v1/live) that was open reconnects with Last-Event-ID and delivers a
 * change made after the fault.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { liveClient } from "./faults-live.mjs";
import { bothOrNeither, openQuery, snapshot } from "./load-checks.mjs";
import { adminUrl, auditVerify, freePort, root, scratchDatabase, serverEnv, sleep, startApp } from "./load-server.mjs";
import { prepareWorkload, Recorder, runLoad } from "./load-workload.mjs";

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 20);
const OUTAGE = Number(process.env.FAULTS_OUTAGE_SECONDS ?? 5);
const RECOVERY = Number(process.env.FAULTS_RECOVERY_SECONDS ?? 15);
const ANSWER_WITHIN_MS = 10_000;
const failures = [];
const fail = (label, text) => failures.push(`${label}: ${text}`);

/**
 * Every 5xx of the API during a fault must be a 503 problem+json with Retry-After; nothing may
 * hang. A page the outage caught is Next's error page, but as a 503 with Retry-After
 * (instrumentation.ts marks the request, scripts/serve.mjs sets the status), never a 500.
 */
function checkAnswers(label, rec) {
  const hung = [];
  for (const [op, o] of rec.byOp) for (const [k, n] of o.statuses) if (k === "timeout" || k === "network") hung.push(`${op} ${k} × ${n}`);
  // A refused connection ("network") is the app's process gone, which this fault must not cause.
  if (hung.length) fail(label, `requests without an answer within ${ANSWER_WITHIN_MS / 1000} s: ${hung.join(", ")}`);
  const api = rec.fiveHundreds.filter((f) => !f.op.endsWith("page"));
  const bad = api.filter((f) => f.status !== 503 || !f.type.includes("application/problem+json") || !/^\d+$/.test(f.retryAfter ?? ""));
  if (bad.length) fail(label, `${bad.length} API answers were not a 503 problem+json with Retry-After, e.g. ${bad[0].op}: ${bad[0].status} ${bad[0].type} ${bad[0].body.slice(0, 120)}`);
  const pages = rec.fiveHundreds.filter((f) => f.op.endsWith("page"));
  const by = [...rec.byStatus].sort().map(([k, n]) => `${k} × ${n}`).join(", ");
  console.log(`  ${label}: ${rec.summary().requests} requests — ${by}; API 503s with Retry-After: ${api.length - bad.length}`);
  const badPages = pages.filter((f) => f.status !== 503 || !/^\d+$/.test(f.retryAfter ?? ""));
  if (badPages.length) fail(label, `${badPages.length} page answers were not a 503 with Retry-After, e.g. ${badPages[0].op}: ${badPages[0].status} ${badPages[0].type}`);
  if (pages.length) console.log(`  pages caught by the outage: ${pages.length - badPages.length} of ${pages.length} answered 503 with Retry-After`);
}

/** After a fault: a few seconds of load must run clean (no 5xx, no network errors) within RECOVERY seconds. */
async function checkRecovered(label, ctx) {
  const until = performance.now() + RECOVERY * 1000;
  for (;;) {
    const rec = new Recorder();
    await runLoad(ctx, rec, { connections: 4, seconds: 2 });
    const bad = [...rec.byStatus].filter(([k]) => k === "network" || k === "timeout" || Number(k) >= 500);
    if (bad.length === 0 && rec.writes.length > 0) {
      console.log(`  ${label}: answering normally again (${rec.summary().requests} requests, all without 5xx)`);
      return;
    }
    if (performance.now() > until) {
      fail(label, `still failing ${RECOVERY} s after the fault: ${bad.map(([k, n]) => `${k} × ${n}`).join(", ")}`);
      return;
    }
  }
}

/** A change after the fault reaches a live client that was connected before it (directly or by reconnecting with Last-Event-ID). */
async function checkLive(label, ctx, live) {
  const s = ctx.sessions[0];
  const site = ctx.sites.get(s.siteId);
  const res = await fetch(`${ctx.base}/api/v1/subject-notes`, {
    method: "POST",
    headers: { ...s.auth, "content-type": "application/json" },
    body: JSON.stringify({ subjectId: site.subjects[0], noteType: "general", noteText: `after ${label}` }),
  });
  if (res.status !== 201) return fail(label, `the write for the live check answered ${res.status}`);
  const { id } = await res.json();
  const got = await live.waitFor((e) => e.data?.id === id, 10_000);
  if (!got) return fail(label, `a live stream open before the fault never delivered a change made after it (connections: ${live.connections.map((c) => c.status).join(", ")})`);
  const resumed = live.connections.filter((c) => c.lastEventId);
  const resets = live.events.filter((e) => e.event === "reset");
  console.log(`  ${label}: live change delivered; ${live.connections.length} connections (${resumed.length} resumed with Last-Event-ID), ${resets.length} reset events`);
}

/** Without a fault: a client that drops its stream and reconnects with Last-Event-ID gets what it missed, replayed. */
async function checkResume(ctx, live) {
  const label = "live resume";
  const s = ctx.sessions[0];
  live.drop();
  const res = await fetch(`${ctx.base}/api/v1/subject-notes`, {
    method: "POST",
    headers: { ...s.auth, "content-type": "application/json" },
    body: JSON.stringify({ subjectId: ctx.sites.get(s.siteId).subjects[0], noteType: "general", noteText: "while disconnected" }),
  });
  if (res.status !== 201) return fail(label, `the write answered ${res.status}`);
  const { id } = await res.json();
  const got = await live.waitFor((e) => e.data?.id === id, 10_000);
  const resumed = live.connections.at(-1);
  if (!got) fail(label, "a change made while the client was away never arrived after it reconnected");
  else if (!resumed?.lastEventId || got.at < resumed.at) fail(label, "the missed change did not come through a Last-Event-ID reconnection");
  else console.log(`  ${label}: a change missed while disconnected was replayed after Last-Event-ID ${resumed.lastEventId}`);
}

async function checkDatabase(label, where, snap, env) {
  const q = await openQuery(where);
  const problems = await bothOrNeither(q, snap);
  await q.close();
  for (const p of problems.slice(0, 10)) fail(label, `partial write: ${p}`);
  const verify = auditVerify(env);
  if (!verify.ok) fail(label, `audit:verify failed: ${verify.output}`);
  console.log(`  ${label}: both-or-neither ${problems.length === 0 ? "holds" : `BROKEN (${problems.length})`}; ${verify.output}`);
}

/** Runs the load while `fault()` does its damage `afterSeconds` in; returns the recorder. */
async function loadDuring(ctx, seconds, afterSeconds, fault) {
  const rec = new Recorder();
  const load = runLoad(ctx, rec, { connections: CONNECTIONS, seconds });
  await sleep(afterSeconds * 1000);
  await fault();
  await load;
  return rec;
}

async function databaseOutage(db, app, ctx, env) {
  const label = "PostgreSQL: backends terminated, connections refused";
  console.log(`\n${label} (${OUTAGE} s during the load)`);
  const admin = postgres(adminUrl().toString(), { max: 1, onnotice: () => {} });
  const q = await openQuery({ databaseUrl: db.url });
  const snap = await snapshot(q);
  await q.close();
  const live = liveClient(app.base, ctx.sessions[1].token);
  await live.waitFor((e) => e.event === "ready", 10_000);
  await checkResume(ctx, live);
  const rec = await loadDuring(ctx, 5 + OUTAGE + 5, 5, async () => {
    await admin.unsafe(`ALTER DATABASE "${db.name}" WITH ALLOW_CONNECTIONS false`);
    const [{ n }] = await admin.unsafe(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [db.name]);
    console.log(`  terminated ${n} backends`);
    await sleep(OUTAGE * 1000);
    await admin.unsafe(`ALTER DATABASE "${db.name}" WITH ALLOW_CONNECTIONS true`);
  });
  await admin.end();
  if (!app.alive()) fail(label, "the app process died");
  checkAnswers(label, rec);
  if (rec.byStatus.get(503) === undefined) fail(label, "no request saw the outage (no 503) — the fault proved nothing");
  await checkRecovered(label, ctx);
  await checkLive(label, ctx, live);
  await live.close();
  await checkDatabase(label, { databaseUrl: db.url }, snap, env);
}

async function clusterRestart(db, app, ctx, env) {
  const label = "PostgreSQL: server restarted";
  const version = fs.readdirSync("/etc/postgresql").sort().at(-1);
  console.log(`\n${label} (pg_ctlcluster ${version} main restart during the load)`);
  const q = await openQuery({ databaseUrl: db.url });
  const snap = await snapshot(q);
  await q.close();
  const live = liveClient(app.base, ctx.sessions[1].token);
  await live.waitFor((e) => e.event === "ready", 10_000);
  const rec = await loadDuring(ctx, 15, 4, async () => {
    // Not spawnSync: the load runs in this process and must go on during the restart. stdio
    // ignored: the restarted postmaster inherits pg_ctlcluster's stdout and stderr, and a pipe
    // would stay open as long as it runs.
    const status = await exitOf(spawn("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { stdio: "ignore" }), 120_000);
    if (status !== 0) fail(label, `pg_ctlcluster restart failed (exit ${status})`);
    // Wait until the server answers again.
    for (let i = 0; i < 60; i++) {
      if ((await exitOf(spawn("pg_isready", ["-h", adminUrl().hostname, "-p", adminUrl().port || "5432"], { stdio: "ignore" }), 10_000)) === 0) break;
      await sleep(500);
    }
  });
  if (!app.alive()) fail(label, "the app process died");
  checkAnswers(label, rec);
  await checkRecovered(label, ctx);
  await checkLive(label, ctx, live);
  await live.close();
  await checkDatabase(label, { databaseUrl: db.url }, snap, env);
}

/** A child's exit code, or null when it had not exited within `ms` (then it is killed). */
function exitOf(child, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, ms);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.on("error", () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

/**
 * SIGKILL mid-write: the whole app (start.mjs and next-server) dies while writes are in flight;
 * a live client reconnects to the restarted app with its Last-Event-ID.
 */
async function killMidWrite(label, where, env, startAgain) {
  console.log(`\n${label}`);
  let app = await startAgain();
  let ctx = await prepareWorkload(app.base);
  ctx.timeoutMs = ANSWER_WITHIN_MS;
  let snap;
  if (where.pgliteDir) {
    // PGlite admits one process: read the "before" with the app stopped.
    await app.stop();
    const q = await openQuery(where);
    snap = await snapshot(q);
    await q.close();
    app = await startAgain();
    ctx = await prepareWorkload(app.base);
    ctx.timeoutMs = ANSWER_WITHIN_MS;
  } else {
    const q = await openQuery(where);
    snap = await snapshot(q);
    await q.close();
  }
  const live = liveClient(app.base, ctx.sessions[1].token);
  await live.waitFor((e) => e.event === "ready", 10_000);
  const rec = new Recorder();
  const load = runLoad(ctx, rec, { connections: CONNECTIONS, seconds: 6 });
  // Kill at the moment writes are in flight.
  await sleep(3000);
  const before = rec.writes.length;
  await app.kill();
  await load;
  console.log(`  killed with ${before} writes answered and more in flight (${rec.summary().requests} requests in all)`);
  if (before === 0) fail(label, "no write had succeeded before the kill — the fault proved nothing");
  if (where.pgliteDir) await checkDatabase(label, where, snap, env);
  app = await startAgain();
  ctx.base = app.base;
  await checkRecovered(label, ctx);
  await checkLive(label, ctx, live);
  const resumed = live.connections.filter((c) => c.lastEventId && c.status === 200);
  if (resumed.length === 0) fail(label, "the live client never reconnected with Last-Event-ID");
  const after = live.events.filter((e) => e.at > live.connections.at(-1).at);
  if (!after.some((e) => e.event === "reset" || e.event === "ready")) fail(label, "the resumed stream said neither ready nor reset");
  await live.close();
  if (where.pgliteDir) {
    await app.stop();
    await checkDatabase(label, where, snap, env);
  } else {
    await checkDatabase(label, where, snap, env);
    await app.stop();
  }
}

/** A phase that has not finished in `ms` fails the run rather than hanging it. */
async function phase(label, run, ms = 300_000) {
  let timer;
  const limit = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
  const outcome = await Promise.race([run().then(() => "done"), limit]);
  clearTimeout(timer);
  if (outcome === "timeout") fail(label, `did not finish within ${ms / 1000} s`);
  return outcome === "done";
}

async function main() {
  const port = Number(process.env.LOAD_PORT ?? (await freePort()));
  const db = await scratchDatabase("faults");
  const pgliteDir = path.join(root, ".data", `faults-${process.pid}`);
  try {
    const env = serverEnv({ databaseUrl: db.url, port });
    const app = await startApp(env, { label: "faults" });
    const ctx = await prepareWorkload(app.base);
    ctx.timeoutMs = ANSWER_WITHIN_MS;
    await phase("database outage", () => databaseOutage(db, app, ctx, env));
    if (process.env.FAULTS_RESTART_CLUSTER === "1") await phase("server restart", () => clusterRestart(db, app, ctx, env));
    else console.log("\n(server restart skipped: set FAULTS_RESTART_CLUSTER=1 — it restarts the machine's PostgreSQL for everyone)");
    await app.stop();

    await phase("SIGKILL on PostgreSQL", () => killMidWrite("PostgreSQL: app SIGKILLed mid-write, restarted", { databaseUrl: db.url }, env, () => startApp(env, { label: "faults" })));
    const embedded = serverEnv({ pgliteDir, port });
    await phase("SIGKILL on the embedded database", () =>
      killMidWrite("Embedded database: app SIGKILLed mid-write, restarted", { pgliteDir }, embedded, () => startApp(embedded, { label: "faults-embedded" })),
    );
  } catch (error) {
    fail("faults", error instanceof Error ? error.message : String(error));
  } finally {
    await db.drop();
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    fs.rmSync(`${pgliteDir}.audit-key`, { force: true }); // the embedded database's generated AUDIT_KEY
  }
  if (failures.length) {
    console.log(`\nfaults: FAILED (${failures.length})`);
    for (const f of failures.slice(0, 40)) console.log(`  ✗ ${f}`);
    process.exit(1);
  }
  console.log("\nfaults: passed");
  process.exit(0); // a phase that timed out may have left a live client behind
}

main().catch((error) => {
  console.error(`faults: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
