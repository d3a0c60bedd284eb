/**
 * Health checks for load balancers and orchestrators (README, "Operate"):
 *
 * - liveness (`GET /api/health`): the process answers. No database, no auth — a database outage
 *   must not get every instance restarted.
 * - readiness (`GET /api/health/ready`): this instance can serve. The database answers; its applied
 *   migrations include the newest one this code ships (drizzle/meta/_journal.json's last entry
 *   against drizzle's own `__drizzle_migrations` table: the migrator records each migration's
 *   journal `when` as `created_at`); and, when mail is configured (SMTP_URL), the email outbox is
 *   not stuck — no pending row due more than OUTBOX_STUCK_MINUTES ago, which means no dispatcher
 *   is sending.
 *
 * Answers name the checks and say ok or fail, never an error message, a stack, a host or a URL
 * (errors go to the server log through logError, which keeps data out too).
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb, migrationsFolder, type Db } from "@/db";
import { currentRequest } from "./request-context";
import { logError } from "./log";
import { mailConfig } from "./mail/config";
import { queryRows } from "./seed/query-rows";

export type CheckName = "database" | "migrations" | "outbox";
export type CheckResult = { status: "ok" | "fail" | "skipped"; detail?: string };
export type Readiness = { status: "ok" | "fail"; checks: Record<CheckName, CheckResult> };

/** A pending email due longer ago than this means nobody is sending. */
export const OUTBOX_STUCK_MINUTES = 15;
/** A readiness probe answers within this, whatever the database does. */
export const READY_TIMEOUT_MS = 3_000;

export function liveness(): { status: "ok" } {
  return { status: "ok" };
}

type Journal = { entries: { idx: number; when: number; tag: string }[] };

let journal: Journal | undefined;
/** The migrations this code ships (read once; it changes only with a deploy). */
function shippedMigrations(): Journal["entries"] {
  journal ??= JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as Journal;
  return journal.entries;
}

class Timeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function checkMigrations(db: Db): Promise<CheckResult> {
  const entries = shippedMigrations();
  const last = entries[entries.length - 1];
  if (!last) return { status: "ok" };
  let applied: number | null = null;
  try {
    const [row] = await queryRows<{ last: string | number | null }>(db, sql`select max(created_at) as last from drizzle.__drizzle_migrations`);
    applied = row?.last == null ? null : Number(row.last);
  } catch (error) {
    // No migrations table at all: nothing was ever applied here.
    logError("readiness: migrations table", error);
  }
  if (applied !== null && applied >= last.when) return { status: "ok" };
  const at = applied === null ? undefined : entries.filter((e) => e.when <= applied).at(-1);
  const behind = entries.filter((e) => applied === null || e.when > applied).length;
  return {
    status: "fail",
    detail: `${behind} migration(s) not applied: the database is at ${at?.tag ?? "none"}, this code needs ${last.tag}.`,
  };
}

async function checkOutbox(db: Db, env: NodeJS.ProcessEnv): Promise<CheckResult> {
  if (!mailConfig(env).smtpUrl) return { status: "skipped", detail: "SMTP_URL is not set: nothing is sent." };
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from email_outbox
        where status = 'pending' and next_attempt_at < now() - make_interval(mins => ${OUTBOX_STUCK_MINUTES})`,
  );
  const stuck = Number(row?.n ?? 0);
  return stuck === 0
    ? { status: "ok" }
    : { status: "fail", detail: `${stuck} email(s) due more than ${OUTBOX_STUCK_MINUTES} minutes ago are still pending.` };
}

/** Each check in turn; a check that cannot run fails, and the ones after the database's are skipped with it. */
export async function readiness(opts: { db?: Db; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Readiness> {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? READY_TIMEOUT_MS;
  const checks: Record<CheckName, CheckResult> = {
    database: { status: "fail" },
    migrations: { status: "skipped" },
    outbox: { status: "skipped" },
  };
  let db: Db;
  try {
    db = await within(
      (async () => {
        const handle = opts.db ?? (await getDb());
        await handle.execute(sql`select 1`);
        return handle;
      })(),
      timeoutMs,
    );
    checks.database = { status: "ok" };
  } catch (error) {
    logError("readiness: database", error);
    checks.database = { status: "fail", detail: error instanceof Timeout ? "The database did not answer in time." : "The database cannot be reached." };
    return { status: "fail", checks };
  }
  for (const [name, run] of [
    ["migrations", () => checkMigrations(db)],
    ["outbox", () => checkOutbox(db, env)],
  ] as const) {
    try {
      checks[name] = await within(run(), timeoutMs);
    } catch (error) {
      logError(`readiness: ${name}`, error);
      checks[name] = { status: "fail", detail: error instanceof Timeout ? "No answer in time." : "The check could not run." };
    }
  }
  const failed = Object.values(checks).some((c) => c.status === "fail");
  return { status: failed ? "fail" : "ok", checks };
}

const NO_STORE = { "cache-control": "no-store" };

/** GET /api/health */
export function livenessResponse(): Response {
  return Response.json(liveness(), { headers: NO_STORE });
}

/** GET /api/health/ready: 200 with the checks, or 503 problem+json naming the failed ones. */
export async function readinessResponse(opts: Parameters<typeof readiness>[0] = {}): Promise<Response> {
  let result: Readiness;
  try {
    result = await readiness(opts);
  } catch (error) {
    logError("readiness", error);
    result = { status: "fail", checks: { database: { status: "fail" }, migrations: { status: "skipped" }, outbox: { status: "skipped" } } };
  }
  if (result.status === "ok") return Response.json(result, { headers: NO_STORE });
  const failed = (Object.keys(result.checks) as CheckName[]).filter((name) => result.checks[name].status === "fail");
  return new Response(
    JSON.stringify({
      type: "about:blank",
      title: "Service unavailable",
      status: 503,
      detail: `Not ready: ${failed.join(", ")} check failed.`,
      failed,
      checks: result.checks,
      // Like every problem+json answer (lib/api/http/problem.ts): the id to find this request's log lines.
      ...(currentRequest()?.requestId ? { requestId: currentRequest()!.requestId } : {}),
    }),
    { status: 503, headers: { ...NO_STORE, "content-type": "application/problem+json", "retry-after": "10" } },
  );
}
