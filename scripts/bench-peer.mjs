#!/usr/bin/env node
/**
 * `npm run bench:peer`: TrialDesk against its peer, Parse Server 9 on the same workload, in one run
 * on one machine (issue 13). Absolute figures differ up to 2× between machines of the same kind;
 * only ratios measured side by side mean something.
 *
 * 1. The Parse harness (default `../shared/bench/parse-peer` beside the repository): installed once
 *    into a scratch directory outside the repository (`bash setup.sh DIR`; reused while the pinned
 *    versions are installed), then `run-all.sh` — a fresh database `peer_parse`, parse-server on
 *    127.0.0.1:1341, its deterministic 10,000-subject dataset, scenarios a, b, c, d, e (d is the
 *    subject timeline as Parse clients fetch it: four requests, so timelines/s = its req/s ÷ 4),
 *    its JS SDK check and SQL capture. Without the harness (and no path given) only TrialDesk runs.
 * 2. `npm run bench:api -- --json FILE` on the same number of subjects, database `peer_trialdesk`
 *    (and `peer_trialdesk_seed`), ports 3460-3461: the five scenarios under `npm start` and on the
 *    bare node:http router.
 * 3. One table — scenario, Parse req/s, TrialDesk (npm start) req/s, ratio, bare node:http req/s,
 *    target ratio (reads ≥ 3×, create ≥ 1.5×), met? — with the date, `uname -srm`, the CPU and
 *    its cores and PostgreSQL's version; printed, and written as markdown to --out. Targets missed
 *    are listed, but the exit code is 0 (a benchmark, not a test); it is 1 only when a side could
 *    not be measured. Not part of `npm test`.
 *
 * npm run bench:peer -- [PEER_DIR] [--peer DIR] [--out FILE] [--scratch DIR]
 * PEER_DIR / --peer DIR (the Parse harness; default ../shared/bench/parse-peer), --out FILE (the
 * markdown table; default .data/bench-peer.txt), --scratch DIR (Parse's install and results;
 * default /tmp/parsebench-peer, outside the repository).
 * BENCH_CONNECTIONS (default 10), BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3) go to
 * both sides alike. BENCH_SCENARIOS (comma-separated names, e.g. "serious AEs,create visit") runs a
 * subset on both sides. BENCH_SUBJECTS defaults to the size of Parse's dataset (10,000); another
 * value is measured but marked as not comparable. PB_PORT (default 1341), PB_DBNAME (default
 * peer_parse; dropped afterwards), PB_INDEXED=1 (Parse with workload indexes, see the harness's
 * README). BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/peer_trialdesk),
 * BENCH_PORT (default 3460) and BENCH_KEEP_DB go to bench:api.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { root } from "./bench-common.mjs";

const { values: opts, positionals } = parseArgs({
  options: { peer: { type: "string" }, out: { type: "string" }, scratch: { type: "string" }, help: { type: "boolean", short: "h" } },
  allowPositionals: true,
});
if (opts.help) {
  console.log("usage: npm run bench:peer -- [PEER_DIR] [--peer DIR] [--out FILE] [--scratch DIR]   (options: scripts/bench-peer.mjs)");
  process.exit(0);
}

const given = opts.peer ?? positionals[0];
const peerDir = path.resolve(given ?? path.join(root, "..", "shared", "bench", "parse-peer"));
const outFile = path.resolve(opts.out ?? path.join(root, ".data", "bench-peer.txt"));
const scratch = path.resolve(opts.scratch ?? "/tmp/parsebench-peer");
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
const pbPort = process.env.PB_PORT ?? "1341";
const pbDbName = process.env.PB_DBNAME ?? "peer_parse";
const adminUrl = "postgres://postgres@127.0.0.1:5432/postgres";

/** The five scenarios: bench:api's name, Parse's key, reads or a write, and Parse requests per operation. */
const SCENARIOS = [
  { name: "screening queue", key: "a", target: 3 },
  { name: "visit week", key: "b", target: 3 },
  { name: "serious AEs", key: "c", target: 3 },
  // Parse's d runs the four requests a client makes for one timeline (d1..d4) and reports requests.
  { name: "subject timeline", key: "d", target: 3, perOp: 4 },
  { name: "create visit", key: "e", target: 1.5 },
];
const only = process.env.BENCH_SCENARIOS?.split(",").map((s) => s.trim());
const chosen = only ? SCENARIOS.filter((s) => only.includes(s.name)) : SCENARIOS;
if (chosen.length === 0) fail(`BENCH_SCENARIOS names none of: ${SCENARIOS.map((s) => s.name).join(", ")}`);

function fail(message) {
  console.error(`bench:peer: ${message}`);
  process.exit(1);
}

const since = (t) => `${((Date.now() - t) / 1000).toFixed(0)} s`;

/** The versions setup.sh pins, read from its package.json block. */
function pinnedVersions() {
  const text = fs.readFileSync(path.join(peerDir, "setup.sh"), "utf8");
  const block = text.match(/"dependencies":\s*\{([^}]*)\}/);
  if (!block) return null;
  return Object.fromEntries([...block[1].matchAll(/"([^"]+)":\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]));
}

function installedVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(scratch, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

function setupParse() {
  const pinned = pinnedVersions();
  const missing = pinned ? Object.entries(pinned).filter(([name, version]) => installedVersion(name) !== version) : [["parse-server", "?"]];
  if (missing.length === 0) {
    console.log(`== Parse harness already installed in ${scratch} (${Object.entries(pinned).map(([n, v]) => `${n} ${v}`).join(", ")})`);
    return;
  }
  console.log(`== installing the Parse harness into ${scratch} (bash setup.sh; missing: ${missing.map(([n, v]) => `${n} ${v}`).join(", ")})`);
  const t = Date.now();
  // Run from the scratch directory: Parse Server writes its logs/ into the working directory.
  fs.mkdirSync(scratch, { recursive: true });
  const r = spawnSync("bash", [path.join(peerDir, "setup.sh"), scratch], { cwd: scratch, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`setup.sh failed (exit ${r.status}); see its output above`);
  console.log(`   installed in ${since(t)}`);
}

/** Runs the harness; returns Parse's results by key, with its own record of the run. */
function runParse() {
  const keys = chosen.map((s) => s.key).join(",");
  const resultsDir = path.join(scratch, "results");
  const before = new Set(fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : []);
  console.log(`== Parse: run-all.sh (database ${pbDbName}, port ${pbPort}, scenarios ${keys})`);
  const t = Date.now();
  const args = [path.join(peerDir, "run-all.sh"), scratch, "--connections", String(connections), "--duration", String(duration), "--warmup", String(warmup), "--only", keys];
  const r = spawnSync("bash", args, { cwd: scratch, stdio: "inherit", env: { ...process.env, PB_PORT: pbPort, PB_DBNAME: pbDbName } });
  const fresh = (fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : []).filter((f) => /^bench-.*\.json$/.test(f) && !before.has(f)).sort();
  if (fresh.length === 0) throw new Error(`run-all.sh wrote no results (exit ${r.status}); see its output above`);
  // The bench step ran; a later step (SDK check, SQL capture) failing does not void its figures.
  if (r.status !== 0) console.warn(`bench:peer: run-all.sh exited ${r.status} after the benchmark had written its results; using them`);
  const file = path.join(resultsDir, fresh[fresh.length - 1]);
  const { env, results } = JSON.parse(fs.readFileSync(file, "utf8"));
  console.log(`   Parse done in ${since(t)}; results ${file}`);
  return { env, file, byKey: Object.fromEntries(results.map((row) => [row.key, row])) };
}

function runTrialDesk(subjects) {
  const json = path.join(os.tmpdir(), `bench-peer-api-${process.pid}.json`);
  const env = {
    ...process.env,
    BENCH_CONNECTIONS: String(connections),
    BENCH_DURATION: String(duration),
    BENCH_WARMUP: String(warmup),
    BENCH_SUBJECTS: String(subjects),
    BENCH_SCENARIOS: chosen.map((s) => s.name).join(","),
    BENCH_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/peer_trialdesk",
    BENCH_PORT: process.env.BENCH_PORT ?? "3460",
  };
  console.log(`== TrialDesk: bench:api (${subjects.toLocaleString("en")} subjects; ${chosen.map((s) => s.name).join(", ")})`);
  const t = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "bench-api.mjs"), "--json", json], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0 || !fs.existsSync(json)) throw new Error(`bench:api failed (exit ${r.status}); see its output above`);
  const rows = JSON.parse(fs.readFileSync(json, "utf8"));
  fs.rmSync(json, { force: true });
  console.log(`   TrialDesk done in ${since(t)}`);
  return rows;
}

/** The median req/s of a server's rows for a scenario (one row unless BENCH_ROUNDS > 1). */
function rpsOf(rows, server, scenario) {
  const hits = rows.filter((r) => r.server === server && r.scenario === scenario);
  if (hits.length === 0) return null;
  const sorted = hits.map((r) => r.rps).sort((a, b) => a - b);
  return { rps: sorted[Math.floor(sorted.length / 2)], errors: hits.reduce((n, r) => n + (r.errors ?? 0), 0) };
}

async function machine() {
  const uname = spawnSync("uname", ["-srm"], { encoding: "utf8" }).stdout.trim();
  const cpus = os.cpus();
  let pg = "unknown";
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select version() as v`;
    pg = row.v.split(" on ")[0];
  } catch (error) {
    pg = `unknown (${error.message})`;
  } finally {
    await sql.end();
  }
  return { date: new Date().toISOString().replace(/\.\d+Z$/, "Z"), uname, cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, pg, node: process.version };
}

async function dropParseDatabase() {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${pbDbName.replaceAll('"', "")}" WITH (FORCE)`);
  } catch (error) {
    console.warn(`bench:peer: could not drop ${pbDbName}: ${error.message}`);
  } finally {
    await sql.end();
  }
}

const fmt = (n) => (n === null || n === undefined ? "—" : Math.round(n).toLocaleString("en"));

async function main() {
  const started = Date.now();
  let parse = null;
  let parseSubjects = null;
  if (fs.existsSync(path.join(peerDir, "run-all.sh"))) {
    if (path.relative(root, scratch).split(path.sep)[0] !== "..") throw new Error(`--scratch ${scratch} is inside the repository; give a directory outside it`);
    parseSubjects = createRequire(import.meta.url)(path.join(peerDir, "dataset.js")).COUNTS?.subjects ?? null;
    setupParse();
    try {
      parse = runParse();
    } finally {
      await dropParseDatabase();
    }
  } else if (given) {
    throw new Error(`no Parse harness at ${peerDir} (run-all.sh not found)`);
  } else {
    console.log(`== no Parse harness at ${peerDir}: measuring TrialDesk alone (give the harness's path to compare)`);
  }

  const subjects = Number(process.env.BENCH_SUBJECTS ?? parseSubjects ?? 10000);
  const comparable = parseSubjects === null || parseSubjects === subjects;
  const api = runTrialDesk(subjects);
  const m = await machine();

  const rows = chosen.map((s) => {
    const p = parse?.byKey[s.key];
    const parseRps = p ? p.rps / (s.perOp ?? 1) : null;
    const ours = rpsOf(api, "npm start", s.name);
    const bare = rpsOf(api, "bare node:http", s.name);
    const ratio = parseRps && ours ? ours.rps / parseRps : null;
    const errors = [p?.errors ? `Parse ${p.errors}` : null, ours?.errors ? `npm start ${ours.errors}` : null, bare?.errors ? `bare ${bare.errors}` : null].filter(Boolean);
    return { ...s, parseRps, parseReq: p?.rps ?? null, ours: ours?.rps ?? null, bare: bare?.rps ?? null, ratio, met: ratio === null ? null : ratio >= s.target, errors };
  });

  const lines = [];
  const head = parse
    ? `Parse Server ${parse.env.parseServer} (${parse.env.label}) and TrialDesk, one run`
    : "TrialDesk alone (no Parse harness)";
  lines.push(`# bench:peer — ${head}`, "");
  lines.push(`${m.date} · ${m.uname} · ${m.cpu}, ${m.cores} cores · ${m.pg} · Node ${m.node}`, "");
  lines.push(
    `autocannon, ${connections} connections × ${duration} s after a ${warmup} s warm-up per scenario; ` +
      `${subjects.toLocaleString("en")} TrialDesk subjects (coordinator1)` +
      (parseSubjects !== null ? `, ${parseSubjects.toLocaleString("en")} Parse subjects (${parse?.env.user ?? "user05"})` : "") +
      (comparable ? "." : " — **datasets of different sizes: the ratios are not comparable**."),
    "",
  );
  lines.push("| scenario | Parse req/s | TrialDesk (npm start) req/s | ratio | bare node:http req/s | target ratio | met? |");
  lines.push("|---|---:|---:|---:|---:|---:|---|");
  for (const r of rows) {
    const parseCell = r.perOp && r.parseRps !== null ? `${fmt(r.parseRps)} timelines/s (${fmt(r.parseReq)} req/s ÷ ${r.perOp})` : fmt(r.parseRps);
    const met = r.met === null ? "—" : r.met ? "yes" : "**no**";
    const ratio = r.ratio === null ? "—" : `${r.ratio.toFixed(2)}×`;
    lines.push(`| ${r.name} | ${parseCell} | ${fmt(r.ours)} | ${ratio} | ${fmt(r.bare)} | ≥ ${r.target}× | ${met} |`);
  }
  lines.push("");
  const troubled = rows.filter((r) => r.errors.length > 0);
  for (const r of troubled) lines.push(`- ${r.name}: non-2xx or failed requests — ${r.errors.join(", ")}; its figures are suspect.`);
  const missed = rows.filter((r) => r.met === false);
  if (!parse) lines.push("No ratios: the Parse side did not run.");
  else if (rows.every((r) => r.met)) lines.push("Every target met.");
  else if (missed.length === 0) lines.push("No target missed, but not every scenario was measured on both sides.");
  else lines.push(`Targets missed (${missed.length} of ${rows.length}): ${missed.map((r) => `${r.name} ${r.ratio.toFixed(2)}× < ${r.target}×`).join("; ")}.`);
  if (parse) lines.push("", `Parse results: ${parse.file}`);
  const text = lines.join("\n") + "\n";

  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  console.log(`\n${text}\nwritten to ${path.relative(process.cwd(), outFile) || outFile}; bench:peer took ${since(started)}`);
  if (missed.length > 0) console.log(`\nTARGETS MISSED: ${missed.map((r) => r.name).join(", ")} (a benchmark: exit code 0)`);
}

main().catch((error) => fail(error.message));
