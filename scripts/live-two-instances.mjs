#!/usr/bin/env node
/**
 * Live updates across app instances (issue 5): two `next start` processes on one fresh PostgreSQL
 * database with the demo data. A subject created through instance A (POST /api/v1/subjects) must
 * reach an SSE subscriber of instance B (GET /api/v1/live) within a second — PostgreSQL
 * LISTEN/NOTIFY carries it — while a subscriber of the other site hears nothing of it.
 *
 * Needs DATABASE_URL (the server to create the scratch database on). Builds if the build is stale
 * (through scripts/start.mjs; NEXT_DIST_DIR picks the build directory). Prints the latencies, exits
 * 0 when every write arrived in time. `npm test` runs it in the PostgreSQL pass.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { freePort, sseEvents } from "./stream-helpers.mjs";

const ROUNDS = 5;
const LIMIT_MS = 1000;
const PASSWORD = "TrialDesk-demo-1";

if (!process.env.DATABASE_URL) {
  console.error("live-two-instances: set DATABASE_URL (a PostgreSQL server to create a scratch database on).");
  process.exit(1);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const name = `trialdesk_live_${process.pid}`;
const admin = process.env.DATABASE_URL;
const psql = (sql) => spawnSync("psql", [admin, "-v", "ON_ERROR_STOP=1", "-qc", sql], { stdio: "inherit" }).status === 0;
const url = new URL(admin);
url.pathname = `/${name}`;

const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  TRIALDESK_DEMO: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString("base64url"),
};

const servers = [];
function stopAll() {
  for (const s of servers) {
    try {
      process.kill(-s.pid, "SIGTERM"); // start.mjs and its next-server: their own process group
    } catch {
      // already gone
    }
  }
}

async function startInstance(label) {
  const port = await freePort();
  const child = spawn("node", ["scripts/start.mjs"], { cwd: root, env: { ...env, PORT: String(port) }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  servers.push(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000; // a cold build on two cores takes minutes
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${label} exited:\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${base}/login`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`instance ${label} did not start:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`instance ${label} on ${base}`);
  return base;
}

async function api(base, method, p, { token, body } = {}) {
  const res = await fetch(`${base}/api/v1${p}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** An SSE subscriber: every event with the time it arrived. */
async function subscribe(base, token) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/live`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  if (res.status !== 200 || !res.headers.get("content-type")?.startsWith("text/event-stream")) throw new Error(`live → ${res.status}`);
  const events = [];
  const waiters = new Set();
  void (async () => {
    try {
      for await (const event of sseEvents(res.body)) {
        events.push(event);
        for (const w of waiters) w();
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = (predicate, ms) =>
    new Promise((resolve) => {
      const check = () => {
        const found = events.find(predicate);
        if (found) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        resolve(null);
      }, ms);
      waiters.add(check);
      check();
    });
  await waitFor((e) => e.event === "ready", 10_000);
  return { events, waitFor, close: () => abort.abort() };
}

let failed = 0;
try {
  if (!psql(`CREATE DATABASE ${name}`)) throw new Error("could not create the scratch database");
  // One after the other: the first builds if needed and loads the demo data; the second reuses both.
  const a = await startInstance("A");
  const b = await startInstance("B");

  const session = await api(a, "POST", "/sessions", { body: { username: "coordinator1", password: PASSWORD } });
  const other = await api(b, "POST", "/sessions", { body: { username: "coordinator2", password: PASSWORD } });
  const existing = await api(a, "GET", "/subjects?limit=1", { token: session.token });
  const studyId = existing.data[0].studyId;

  const onB = await subscribe(b, session.token); // site 1 on instance B
  const otherSiteOnA = await subscribe(a, other.token); // site 2 on instance A
  const latencies = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const created = await api(a, "POST", "/subjects", {
      token: session.token,
      body: {
        studyId,
        subjectId: `LIVE-${process.pid}-${i}`,
        fullName: "Live Test",
        coordinatorId: session.user.id,
        dob: "1990-01-01",
        sexAtBirth: "unknown",
        consentSignedAt: null,
      },
    });
    const answered = performance.now();
    const event = await onB.waitFor((e) => e.data.id === created.id, 5000);
    const ms = event ? Math.round(event.at - started) : Infinity;
    latencies.push(ms);
    console.log(`write ${i + 1}: POST took ${Math.round(answered - started)} ms; the event reached instance B ${event ? `${ms} ms after the write began` : "NEVER (5 s)"}`);
    if (!event || ms > LIMIT_MS) failed++;
    else if (event.data.entity !== "subject" || event.data.type !== "created" || "fullName" in event.data || "siteId" in event.data) {
      console.log(`unexpected event payload: ${JSON.stringify(event.data)}`);
      failed++;
    }
  }
  // Give stray deliveries time, then check the other site heard nothing of site 1's writes.
  await new Promise((r) => setTimeout(r, 500));
  // Its own inbox may speak meanwhile (the rules' scheduler notifies people of their site's clock):
  // a notification reaches only its owner (lib/live/events.ts), so it says nothing of site 1.
  const leaked = otherSiteOnA.events.filter((e) => e.event === "message" && e.data.entity !== "notification");
  if (leaked.length) {
    console.log(`site 2's subscriber received ${leaked.length} events about site 1: ${JSON.stringify(leaked.map((e) => e.data))}`);
    failed++;
  }
  onB.close();
  otherSiteOnA.close();
  const sorted = [...latencies].sort((x, y) => x - y);
  console.log(`cross-instance latency over ${ROUNDS} writes: median ${sorted[Math.floor(ROUNDS / 2)]} ms, max ${sorted.at(-1)} ms (limit ${LIMIT_MS} ms)`);
} catch (error) {
  console.error(`live-two-instances: ${error instanceof Error ? error.message : String(error)}`);
  failed++;
} finally {
  stopAll();
  await new Promise((r) => setTimeout(r, 1000));
  psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
console.log(failed === 0 ? "live across two instances: passed" : `live across two instances: FAILED (${failed})`);
process.exit(failed === 0 ? 0 : 1);
