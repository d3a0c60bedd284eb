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
 */
import postgres from "postgres";
import { benchEnv, dropDatabase, pct, recreateDatabase, seed, startServer, waitFor } from "./bench-common.mjs";

const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/trialdesk_bench_pages");
const port = Number(process.env.BENCH_PORT ?? 3400);
const base = `http://localhost:${port}`;
const requests = Number(process.env.BENCH_REQUESTS ?? 40);
const env = benchEnv(url, port);

/** Signs in through Auth.js's own endpoints, like a browser would; returns the Cookie header. */
async function signIn(username, password) {
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

async function time(pathname, cookie) {
  const t = performance.now();
  const res = await fetch(`${base}${pathname}`, { headers: { cookie }, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}`);
  return performance.now() - t;
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

  const stop = startServer("node", ["scripts/start.mjs"], env);
  try {
    await waitFor(`${base}/login`);
    const cookie = await signIn("coordinator1", "TrialDesk-demo-1");
    const pages = [
      ["dashboard", "/"],
      ["screening queue", "/screening"],
      ["subjects", "/subjects"],
      ["subjects search", "/subjects?q=smith"],
      ["subject timeline", `/subjects/${subject.id}`],
      ["new subject form", "/subjects/new"],
      ["visits month", "/visits?view=month"],
      ["visits week", "/visits?view=week"],
      ["visits agenda", "/visits?view=agenda"],
      ["visit", `/visits/${visit.id}`],
      ["adverse events", "/adverse-events"],
      ["serious AEs", "/adverse-events?serious=true"],
      ["adverse event", `/adverse-events/${ae.id}`],
      ["AE report form", "/adverse-events/new"],
    ];
    const rows = [];
    for (const [name, p] of pages) {
      for (let i = 0; i < 5; i++) await time(p, cookie); // warm-up: JIT, caches, connections
      const samples = [];
      for (let i = 0; i < requests; i++) samples.push(await time(p, cookie));
      samples.sort((a, b) => a - b);
      rows.push({ page: name, path: p.length > 48 ? `${p.slice(0, 45)}…` : p, p50: pct(samples, 50), p95: pct(samples, 95) });
    }
    console.log(`\nServer render + transfer, ${requests} sequential requests per page after 5 warm-up, signed in as coordinator1 on 10,000 subjects:`);
    console.log(`${"page".padEnd(18)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  path`);
    for (const r of rows) console.log(`${r.page.padEnd(18)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)}  ${r.path}`);
  } finally {
    stop();
  }
  await dropDatabase(url);
}

main().catch((error) => {
  console.error(`bench:pages failed: ${error.message}`);
  process.exit(1);
});
