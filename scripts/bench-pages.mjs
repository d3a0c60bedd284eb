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
 * BENCH_AGAINST=<dir> compares with another built checkout on the same data (see startServers).
 */
import path from "node:path";
import postgres from "postgres";
import { benchEnv, dropDatabase, pct, recreateDatabase, root, seed, startServer, waitFor } from "./bench-common.mjs";

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
      const samples = servers.map(() => []);
      for (const server of servers) for (let i = 0; i < 5; i++) await time(server, p); // warm-up: JIT, caches, connections
      for (let r = 0; r < rounds; r++) {
        for (const [k, server] of servers.entries()) for (let i = 0; i < requests / rounds; i++) samples[k].push(await time(server, p));
      }
      for (const s of samples) s.sort((a, b) => a - b);
      rows.push({ page: name, path: p.length > 48 ? `${p.slice(0, 45)}…` : p, stats: samples.map((s) => ({ p50: pct(s, 50), p95: pct(s, 95) })) });
    }
    console.log(`\nServer render + transfer, ${requests} sequential requests per page after 5 warm-up, signed in as coordinator1 on 10,000 subjects:`);
    if (servers.length === 1) {
      console.log(`${"page".padEnd(18)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  path`);
      for (const r of rows) console.log(`${r.page.padEnd(18)} ${r.stats[0].p50.toFixed(1).padStart(8)} ${r.stats[0].p95.toFixed(1).padStart(8)}  ${r.path}`);
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

main().catch((error) => {
  console.error(`bench:pages failed: ${error.message}`);
  process.exit(1);
});
