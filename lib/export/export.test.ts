/**
 * CSV exports as the routes serve them (issue 12, finding 11), on the demo data: streamed from a
 * cursor in batches (a large export arrives in many chunks, each bounded, and parses with an
 * independent CSV reader — Python's csv module — to the right row count); audited once at the
 * start with the filter and the row count; limited per user (429 with Retry-After); and every
 * export route as a sponsor and as the other site's staff: refused with nothing exported and no
 * export audited, or de-identified / own-site only.
 */
import { rawSql, testDb, withTestDb } from "@/tests/db";
withTestDb();

import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { eq, gt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dbKind } from "@/db";
import { auditEvents, studies, studySponsorAccess, subjects, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { exportAuditLogList } from "@/lib/audit/log/csv";
import { ForbiddenError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { ensureDemoData } from "@/lib/seed/demo";
import { loadActorById } from "@/tests/load-actor";
import { EXPORT_BATCH_ROWS } from "../export";
import {
  exportAdverseEventList,
  exportEligibilityList,
  exportSafetyQueueList,
  exportScreeningQueueList,
  exportStudyList,
  exportSubjectList,
  exportTaskList,
  exportVisitList,
} from "./lists";
import { exportRefusal, type ExportHandler } from "./route";
import { openCursor } from "./cursor";
import { auditLogExportQuery } from "@/lib/audit/log/queries";
import { screeningQueueExportQuery } from "@/lib/screenings/queries";
import { parseQueueParams } from "@/lib/screenings/queue-params";
import { visitExportQuery } from "@/lib/visits/queries";

type Who = "coordinator1" | "investigator1" | "coordinator2" | "investigator2" | "sponsor1" | "admin";
const actors = {} as Record<Who, Actor>;
let riverside: { id: string; codes: string[]; names: string[]; studyId: string };
let sponsorStudies: string[];

/** Every export route: its folder under app/(app), its handler, and parameters that give rows. */
const ROUTES: { route: string; handler: ExportHandler; params: Record<string, string>; sponsor: "deidentified" | "refused"; staff: Who }[] = [
  { route: "subjects", handler: exportSubjectList, params: {}, sponsor: "deidentified", staff: "coordinator2" },
  { route: "screening", handler: exportScreeningQueueList, params: {}, sponsor: "deidentified", staff: "coordinator2" },
  { route: "visits", handler: exportVisitList, params: { flag: "overdue" }, sponsor: "deidentified", staff: "coordinator2" },
  { route: "adverse-events", handler: exportAdverseEventList, params: {}, sponsor: "deidentified", staff: "coordinator2" },
  { route: "safety", handler: exportSafetyQueueList, params: {}, sponsor: "refused", staff: "investigator2" },
  { route: "safety/eligibility", handler: exportEligibilityList, params: {}, sponsor: "refused", staff: "investigator2" },
  { route: "tasks", handler: exportTaskList, params: { view: "all" }, sponsor: "refused", staff: "coordinator2" },
  { route: "admin/studies", handler: exportStudyList, params: {}, sponsor: "refused", staff: "coordinator2" },
  { route: "audit", handler: exportAuditLogList, params: {}, sponsor: "refused", staff: "coordinator2" },
];

beforeAll(async () => {
  process.env.EXPORT_RATE_MAX = "1000"; // the limit has its own test below
  const db = await testDb();
  expect(await ensureDemoData(db, { embedded: true, requested: true })).toBe("seeded");
  for (const who of ["coordinator1", "investigator1", "coordinator2", "investigator2", "sponsor1", "admin"] as const) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, who));
    actors[who] = await loadActorById(u!.id);
  }
  const siteId = actors.coordinator1.siteId!;
  const rows = await db.select({ code: subjects.subjectId, name: subjects.fullName, studyId: subjects.studyId }).from(subjects).where(eq(subjects.siteId, siteId));
  riverside = { id: siteId, codes: rows.map((r) => r.code), names: rows.map((r) => r.name), studyId: rows[0]!.studyId };
  sponsorStudies = (await db.select({ id: studySponsorAccess.studyId }).from(studySponsorAccess).where(eq(studySponsorAccess.userId, actors.sponsor1.id))).map((r) => r.id);
  expect(riverside.codes.length).toBeGreaterThan(20);
});

async function read(response: Response): Promise<{ text: string; chunks: number; largest: number }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  let largest = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    largest = Math.max(largest, value.byteLength);
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), chunks, largest };
}

/** The CSV as Python's csv module reads it (an independent reader: quoting, embedded line breaks, BOM). */
function parseCsv(text: string): string[][] {
  const script = "import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8-sig'), newline='')))))";
  const result = spawnSync("python3", ["-c", script], { input: Buffer.from(text, "utf8"), maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python csv: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString()) as string[][];
}

async function lastSeq(): Promise<number> {
  const db = await testDb();
  const [row] = await db.select({ seq: sql<number>`coalesce(max(${auditEvents.seq}), 0)`.mapWith(Number) }).from(auditEvents);
  return row!.seq;
}

async function auditedSince(seq: number) {
  const db = await testDb();
  return db.select().from(auditEvents).where(gt(auditEvents.seq, seq));
}

// First: later tests add thousands of rows, which a batch of one would crawl through.
describe("the cursor", () => {
  it("gives, batch after batch, exactly the rows awaiting the same select gives (dates, nested objects, mapped values)", async () => {
    await read(await exportSubjectList(actors.admin, {})); // a second audit row beside the seed's
    const cases: PromiseLike<unknown[]>[] = [
      (await screeningQueueExportQuery(actors.coordinator1, parseQueueParams({}))).query,
      (await visitExportQuery(actors.sponsor1, { flag: "overdue", from: "2000-01-01", to: "2000-01-01" }, 100_000)).query,
      (await auditLogExportQuery(actors.admin, {}, 100_000)).query,
    ];
    for (const query of cases) {
      const expected = await query;
      // More rows than one batch, so batches are joined.
      expect(expected.length).toBeGreaterThan(1);
      const cursor = await openCursor(query, 1);
      expect(cursor.count).toBe(expected.length);
      const got: unknown[] = [];
      for (let batch = await cursor.next(); batch; batch = await cursor.next()) got.push(...batch);
      expect(got).toEqual(expected);
    }
  });
});

describe("a large export", () => {
  it("streams 20,000 rows in bounded chunks that an independent CSV reader parses to the right count, audited once with that count", async () => {
    const db = await testDb();
    const [study] = await db.select().from(studies).where(eq(studies.siteId, riverside.id)).limit(1);
    // 20,000 subjects, some with a quote, a comma and a line break in the name (quoting must hold).
    await rawSql(`
      insert into subjects (site_id, study_id, subject_id, full_name, coordinator_id, dob)
      select '${riverside.id}', '${study!.id}', 'LARGE-' || lpad(g::text, 6, '0'),
             case when g % 1000 = 0 then 'Quote "' || g || '", with comma' || chr(10) || 'and line' else 'Large Person ' || g end,
             '${actors.coordinator1.id}', date '1950-01-01' + g % 20000
      from generate_series(1, 20000) g`);
    const params = { studyId: study!.id, q: "LARGE-" };
    const before = await lastSeq();
    const response = await exportSubjectList(actors.coordinator1, params);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // Audited before the first byte: the row is there while the body has not been read.
    const audit = await auditedSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: actors.coordinator1.id, entity: "subject", action: "export", changes: { filters: [null, { ...params, sort: "-createdAt" }], rows: [null, 20000] } });

    const { text, chunks, largest } = await read(response);
    // One chunk per cursor batch (plus the header): the file was never one string in memory.
    expect(chunks).toBeGreaterThanOrEqual(20000 / EXPORT_BATCH_ROWS);
    expect(largest).toBeLessThan(EXPORT_BATCH_ROWS * 400);
    const rows = parseCsv(text);
    expect(rows[0]).toContain("subjectId");
    expect(rows).toHaveLength(1 + 20000);
    const codeColumn = rows[0]!.indexOf("subjectId");
    const nameColumn = rows[0]!.indexOf("fullName");
    expect(new Set(rows.slice(1).map((r) => r[codeColumn])).size).toBe(20000);
    expect(rows.find((r) => r[codeColumn] === "LARGE-001000")?.[nameColumn]).toBe('Quote "1000", with comma\nand line');
  });

  it("ends its cursor and transaction when the client goes away after the first chunk", async () => {
    const [study] = await (await testDb()).select().from(studies).where(eq(studies.siteId, riverside.id)).limit(1);
    await rawSql(`
      insert into subjects (site_id, study_id, subject_id, full_name, coordinator_id)
      select '${riverside.id}', '${study!.id}', 'GONE-' || g, 'Gone Person ' || g, '${actors.coordinator1.id}'
      from generate_series(1, ${EXPORT_BATCH_ROWS * 4}) g`);
    const response = await exportSubjectList(actors.coordinator1, { q: "GONE-" });
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false); // the header
    expect((await reader.read()).done).toBe(false); // the first batch; more are waiting
    await reader.cancel();
    if ((await dbKind()) === "pglite") {
      // One session serves everything: its cursor list holds the export's (beside this query's own portal).
      expect(await count("select count(*)::int as n from pg_cursors where name like 'export_%'")).toBe(0);
    } else {
      expect(await count("select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'")).toBe(0);
    }
  });
});

async function count(query: string): Promise<number> {
  const db = await testDb();
  const result = (await db.execute(sql.raw(query))) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as { n: number }[];
  return Number(rows[0]!.n);
}

describe("the export limit", () => {
  it("answers 429 with Retry-After past EXPORT_RATE_MAX exports in 10 minutes, and that refusal exports and audits nothing", async () => {
    process.env.EXPORT_RATE_MAX = "3";
    try {
      const actor = actors.investigator1;
      for (let i = 0; i < 3; i++) await read(await exportSubjectList(actor, {}));
      const before = await lastSeq();
      const refused = await exportSubjectList(actor, {}).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RateLimitedError);
      const response = exportRefusal(refused as RateLimitedError);
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(response.headers.get("retry-after"))).toBeLessThanOrEqual(600);
      expect(await response.text()).toMatch(/3 exports in the last 10 minutes\. Try again in \d+ minutes?\./);
      expect(await auditedSince(before)).toEqual([]);
      // Another user's allowance is their own.
      await read(await exportSubjectList(actors.coordinator1, {}));
    } finally {
      process.env.EXPORT_RATE_MAX = "1000";
    }
  });
});

describe("exports running at once", () => {
  it("past EXPORT_MAX_CONCURRENT in this process answer 429 until one finishes (each holds a connection while its client reads)", async () => {
    process.env.EXPORT_MAX_CONCURRENT = "1";
    try {
      const first = await exportSubjectList(actors.coordinator1, {});
      const before = await lastSeq();
      const refused = await exportSubjectList(actors.coordinator2, {}).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect(exportRefusal(refused as RateLimitedError).status).toBe(429);
      expect(exportRefusal(refused as RateLimitedError).headers.get("retry-after")).toBe("30");
      expect(await auditedSince(before)).toEqual([]);
      await read(first);
      await read(await exportSubjectList(actors.coordinator2, {}));
      // A cancelled download gives its place back too.
      await (await exportSubjectList(actors.coordinator2, {})).body!.cancel();
      await read(await exportSubjectList(actors.coordinator2, {}));
    } finally {
      delete process.env.EXPORT_MAX_CONCURRENT;
    }
  });
});

describe("every export route", () => {
  it("has a route file that serves exactly its export function", () => {
    const files = (fs.readdirSync("app/(app)", { recursive: true }) as string[])
      .filter((f) => f.endsWith(`export${path.sep}route.ts`))
      .map((f) => path.dirname(path.dirname(f)));
    expect(files.sort()).toEqual(ROUTES.map((r) => r.route).sort());
    for (const { route, handler } of ROUTES) {
      const text = fs.readFileSync(path.join("app/(app)", route, "export", "route.ts"), "utf8");
      expect(text, route).toContain(`export const GET = exportRoute(${handler.name});`);
    }
  });

  for (const { route, handler, params, staff } of ROUTES) {
    it(`${route}: as ${staff} of the other site, no row of Riverside's`, async () => {
      const own = route === "admin/studies" || route === "audit" ? actors.admin : staff === "investigator2" ? actors.investigator1 : actors.coordinator1;
      // The route has Riverside rows to leak: its own staff (or the admin) gets them.
      const mine = await read(await handler(own, params));
      expect(parseCsv(mine.text).length, `${route} has rows`).toBeGreaterThan(1);
      if (route !== "admin/studies" && route !== "audit") expect(riverside.codes.some((c) => mine.text.includes(c)), `${route} has Riverside rows`).toBe(true);

      // Filtering on Riverside's study: refused before anything is read (404, or 403 for a list
      // the role may not export at all), nothing exported, no export audited.
      const before = await lastSeq();
      const result = await handler(actors[staff], { ...params, studyId: riverside.studyId }).catch((e: unknown) => e);
      expect(result instanceof ForbiddenError || result instanceof NotFoundError, `${route}: ${String(result)}`).toBe(true);
      expect(exportRefusal(result as ForbiddenError).status).toBeOneOf([403, 404]);
      expect(await auditedSince(before)).toEqual([]);
      // Unfiltered: their own site's rows (or the same refusal), none of Riverside's.
      const all = await handler(actors[staff], params).catch((e: unknown) => e);
      if (all instanceof Response) {
        const { text } = await read(all);
        expect(riverside.codes.filter((c) => text.includes(c))).toEqual([]);
        expect(riverside.names.filter((n) => text.includes(n))).toEqual([]);
      } else {
        expect(all, route).toBeInstanceOf(ForbiddenError);
        expect(await auditedSince(before)).toEqual([]);
      }
    });

    it(`${route}: as a sponsor, ${ROUTES.find((r) => r.route === route)!.sponsor}`, async () => {
      const sponsor = actors.sponsor1;
      const before = await lastSeq();
      const result = await handler(sponsor, params).catch((e: unknown) => e);
      if (ROUTES.find((r) => r.route === route)!.sponsor === "refused") {
        expect(result instanceof ForbiddenError, `${route}: ${String(result)}`).toBe(true);
        expect(exportRefusal(result as ForbiddenError).status).toBe(403);
        expect(await auditedSince(before)).toEqual([]);
        return;
      }
      expect(result).toBeInstanceOf(Response);
      const { text } = await read(result as Response);
      const rows = parseCsv(text);
      expect(rows.length, `${route}: the sponsor's studies have rows`).toBeGreaterThan(1);
      const db = await testDb();
      const everyone = await db.select({ name: subjects.fullName, dob: subjects.dob, studyId: subjects.studyId, code: subjects.subjectId }).from(subjects);
      // No name, no full date of birth of anyone; no subject of a study the sponsor was not granted.
      expect(everyone.filter((s) => text.includes(s.name))).toEqual([]);
      expect(everyone.filter((s) => s.dob && text.includes(s.dob))).toEqual([]);
      const foreign = everyone.filter((s) => !sponsorStudies.includes(s.studyId)).map((s) => s.code);
      expect(rows.slice(1).flat().filter((cell) => foreign.includes(cell))).toEqual([]);
      expect(rows[0]!.some((h) => /full ?name/i.test(h))).toBe(false);
      expect((await auditedSince(before)).map((a) => [a.actorId, a.action])).toEqual([[sponsor.id, "export"]]);
      // A study the sponsor was not granted, named in the filter: 404, no export audited.
      const other = everyone.find((s) => !sponsorStudies.includes(s.studyId))!.studyId;
      const seq = await lastSeq();
      await expect(handler(sponsor, { ...params, studyId: other })).rejects.toBeInstanceOf(NotFoundError);
      expect(await auditedSince(seq)).toEqual([]);
    });
  }
});
