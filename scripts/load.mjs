#!/usr/bin/env node
/**
 * `npm run test:load` (issue 12, "Prove it: Load"): the production build on a fresh PostgreSQL
 * database with the demo data, LOAD_CONNECTIONS (50) connections for LOAD_SECONDS (60) seconds of
 * a ~70 % read / ~30 % write mix as coordinators and investigators of both sites
 * (scripts/load-workload.mjs). Prints req/s, p50/p99 and the answers by status, then checks:
 *
 * - no 5xx and no request without an answer;
 * - exactly one audit row per successful write, and both-or-neither for every row written;
 * - `npm run audit:verify` passes;
 * - no record version went backwards across answers;
 * - every conflicting edit pair: exactly one 200, the other 409, the row holds the winner's value;
 * - no row of the other site in any answer (site ids in JSON, subject codes in pages).
 *
 * DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
 * the scratch database `<its name>_load_<pid>` is dropped afterwards. NEXT_DIST_DIR picks the build
 * (rebuilt when stale, through scripts/start.mjs), LOAD_PORT the port (default: a free one).
 * Exit 0 when every check passed.
 */
import { auditPerWrite, bothOrNeither, openQuery, snapshot, versionsMonotonic } from "./load-checks.mjs";
import { auditVerify, freePort, scratchDatabase, serverEnv, startApp } from "./load-server.mjs";
import { prepareWorkload, Recorder, runLoad } from "./load-workload.mjs";

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 50);

async function main() {
  const database = await scratchDatabase("load");
  const port = Number(process.env.LOAD_PORT ?? (await freePort()));
  const env = serverEnv({ databaseUrl: database.url, port });
  let app;
  const failures = [];
  try {
    app = await startApp(env, { label: "load" });
    const ctx = await prepareWorkload(app.base);
    const q = await openQuery({ databaseUrl: database.url });
    const snap = await snapshot(q);
    const rec = new Recorder();
    console.log(`load: ${connections} connections × ${seconds} s against ${app.base} (PostgreSQL ${database.name})…`);
    await runLoad(ctx, rec, { connections, seconds });
    const s = rec.summary();

    console.log(`\n${s.requests} requests in ${s.seconds.toFixed(1)} s: ${s.rps.toFixed(0)} req/s, p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms`);
    console.log(`by status: ${[...rec.byStatus].sort().map(([k, n]) => `${k} × ${n}`).join(", ")}`);
    for (const [op, o] of [...rec.byOp].sort((a, b) => b[1].n - a[1].n)) {
      console.log(`  ${op.padEnd(20)} ${String(o.n).padStart(6)}  ${[...o.statuses].map(([k, n]) => `${k}×${n}`).join(" ")}`);
    }
    console.log(`successful writes: ${rec.writes.length}; conflict pairs: ${rec.conflicts.length}; record versions observed: ${rec.versions.length}`);

    const fives = [...rec.byStatus].filter(([k]) => k === "network" || k === "timeout" || Number(k) >= 500);
    if (fives.length) failures.push(`answers that were 5xx or none at all: ${fives.map(([k, n]) => `${k} × ${n}`).join(", ")}${rec.fiveHundreds[0] ? ` (first: ${rec.fiveHundreds[0].op} ${rec.fiveHundreds[0].body})` : ""}`);
    if (rec.writes.length === 0) failures.push("no write succeeded — the load proved nothing");
    failures.push(...(await auditPerWrite(q, snap, rec.writes)));
    failures.push(...(await bothOrNeither(q, snap)));
    failures.push(...versionsMonotonic(rec.versions));
    if (rec.conflicts.length === 0) failures.push("no conflicting edit pair ran");
    failures.push(...rec.conflicts.filter((c) => !c.ok).map((c) => `conflict lost or doubled: ${c.detail}`));
    failures.push(...rec.violations);
    await q.close();
    const verify = auditVerify(env);
    console.log(`audit:verify: ${verify.output}`);
    if (!verify.ok) failures.push(`audit:verify failed: ${verify.output}`);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  } finally {
    if (failures.length && app) console.log(`\n--- server log (tail) ---\n${app.log()}`);
    await app?.stop();
    await database.drop();
  }
  if (failures.length) {
    console.log(`\nload: FAILED (${failures.length})`);
    for (const f of failures.slice(0, 40)) console.log(`  ✗ ${f}`);
    process.exit(1);
  }
  console.log("\nload: passed (no 5xx, one audit row per write, chain intact, no version backwards, conflicts decided, no foreign-site row)");
}

main().catch((error) => {
  console.error(`load: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
