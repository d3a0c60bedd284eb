import { testAuditKey, testDb, withTestDb } from "@/tests/db";
withTestDb();

import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { asc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { describe, expect, inject, it } from "vitest";
import type { Db } from "@/db";
import { setAuditKeyStatement } from "@/db/audit-key";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoData } from "./demo";
import * as schema from "@/db/schema";
import { verifyPassword } from "@/lib/password";
import { queryRows } from "./query-rows";

const { auditEvents, sites, studies, studySponsorAccess, subjects, users } = schema;

const rows = <T>(db: Db, query: ReturnType<typeof sql>) => queryRows<T>(db, query);

async function values(db: Db, query: ReturnType<typeof sql>): Promise<string[]> {
  return (await rows<{ v: string }>(db, query)).map((r) => r.v);
}

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows<{ n: number | string }>(db, query);
  return Number(row?.n ?? 0);
}

/** A second, empty database: an in-memory PGlite from the run's snapshot, or migrated here. */
async function freshPglite(): Promise<{ db: Db; close: () => Promise<void> }> {
  const snapshot = inject("pgliteSnapshot");
  const client = snapshot
    ? await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) })
    : await PGlite.create();
  await client.exec("SET TIME ZONE 'UTC'");
  await client.exec(setAuditKeyStatement(testAuditKey)); // the seed's audit row needs the chain's key
  const db = drizzle(client, { schema }) as unknown as Db;
  if (!snapshot) await migrate(db as never, { migrationsFolder: path.resolve("drizzle") });
  return { db, close: () => client.close() };
}

async function subjectList(db: Db) {
  return db
    .select({
      protocolId: studies.protocolId,
      subjectId: subjects.subjectId,
      fullName: subjects.fullName,
      dob: subjects.dob,
      sexAtBirth: subjects.sexAtBirth,
      status: subjects.status,
      screeningStatus: subjects.screeningStatus,
    })
    .from(subjects)
    .innerJoin(studies, eq(studies.id, subjects.studyId))
    .orderBy(asc(studies.protocolId), asc(subjects.subjectId));
}

describe("ensureDemoData", () => {
  it("seeds an empty database exactly once, even when two opens race", async () => {
    const db = await testDb();
    const results = await Promise.all([
      ensureDemoData(db, { embedded: true, requested: false }),
      ensureDemoData(db, { embedded: true, requested: false }),
    ]);
    expect(results.sort()).toEqual(["present", "seeded"]);
    expect(await ensureDemoData(db, { embedded: true, requested: true })).toBe("present");
    const seeds = await db.select().from(auditEvents).where(eq(auditEvents.entity, "system"));
    expect(seeds).toHaveLength(1);
    expect(seeds[0]?.action).toBe("seed");
    expect(seeds[0]?.changes.subjects).toEqual([null, 200]);
  });

  it("creates two sites in different time zones and four studies with 5–7 visit schedules", async () => {
    const db = await testDb();
    const siteRows = await db.select().from(sites);
    expect(siteRows).toHaveLength(2);
    expect(new Set(siteRows.map((s) => s.timezone)).size).toBe(2);
    expect(await db.select().from(studies)).toHaveLength(4);
    const perStudy = await rows<{ n: number | string }>(
      db,
      sql`select count(*) as n from visit_schedule_items group by study_id`,
    );
    expect(perStudy).toHaveLength(4);
    for (const { n } of perStudy) expect(Number(n)).toBeGreaterThanOrEqual(5);
    for (const { n } of perStudy) expect(Number(n)).toBeLessThanOrEqual(7);
  });

  it("has about 200 subjects in every screening and lifecycle status", async () => {
    const db = await testDb();
    expect(await count(db, sql`select count(*) as n from subjects`)).toBe(200);
    expect((await values(db, sql`select distinct screening_status::text as v from subjects`)).sort()).toEqual(
      [...schema.SCREENING_STATUSES].sort(),
    );
    expect((await values(db, sql`select distinct status::text as v from subjects`)).sort()).toEqual(
      [...schema.SUBJECT_STATUSES].sort(),
    );
    // Withdrawn, completed and lost subjects say why and when; some pending referrals have not consented yet.
    expect(
      await count(db, sql`select count(*) as n from subjects where status = 'withdrawn' and (withdrawn_at is null or withdrawal_reason is null)`),
    ).toBe(0);
    expect(await count(db, sql`select count(*) as n from subjects where status in ('completed','lost_to_follow_up')`)).toBeGreaterThan(0);
    expect(
      await count(db, sql`select count(*) as n from subjects where status in ('completed','lost_to_follow_up') and (exit_date is null or exit_reason is null)`),
    ).toBe(0);
    expect(await count(db, sql`select count(*) as n from subjects where consent_signed_at is null and screening_status = 'pending'`)).toBeGreaterThan(0);
    expect(await count(db, sql`select count(*) as n from subjects where consent_signed_at is null and screening_status <> 'pending'`)).toBe(0);
  });

  it("keeps screenings, subjects and staff consistent", async () => {
    const db = await testDb();
    // The latest screening decides the subject's screening status.
    expect(
      await count(db, sql`select count(*) as n from subjects s
        join lateral (select screening_status from screenings x where x.subject_id = s.id
          order by screening_date desc, created_at desc limit 1) latest on true
        where latest.screening_status <> s.screening_status`),
    ).toBe(0);
    expect(await count(db, sql`select count(*) as n from screenings where screening_status = 'failed' and fail_reason is null`)).toBe(0);
    // Staff belong to the record's site.
    expect(await count(db, sql`select count(*) as n from subjects s join users u on u.id = s.coordinator_id where u.site_id <> s.site_id or u.role <> 'coordinator'`)).toBe(0);
    expect(await count(db, sql`select count(*) as n from screenings s join users u on u.id = s.completed_by_id where u.site_id <> s.site_id`)).toBe(0);
    expect(await count(db, sql`select count(*) as n from adverse_events a join users u on u.id = a.assessed_by_id where u.site_id <> a.site_id or u.role <> 'investigator'`)).toBe(0);
    // Nothing recorded as done happens in the future.
    expect(await count(db, sql`select count(*) as n from visits where completed_at > now()`)).toBe(0);
    expect(await count(db, sql`select count(*) as n from adverse_events where aware_at > now() or assessed_at > now()`)).toBe(0);
  });

  it("has visits of every status, some out of window, and visits today at each site", async () => {
    const db = await testDb();
    expect((await values(db, sql`select distinct visit_status::text as v from visits`)).sort()).toEqual(
      [...schema.VISIT_STATUSES].sort(),
    );
    expect(
      await count(db, sql`select count(*) as n from visits v join sites s on s.id = v.site_id
        where v.visit_status = 'completed'
          and (v.scheduled_at at time zone s.timezone)::date not between v.window_start and v.window_end`),
    ).toBeGreaterThan(0);
    const today = await rows<{ name: string; n: number | string }>(
      db,
      sql`select s.name, count(v.id) as n from sites s left join visits v on v.site_id = s.id
        and (v.scheduled_at at time zone s.timezone)::date = (now() at time zone s.timezone)::date
        group by s.name`,
    );
    expect(today).toHaveLength(2);
    for (const site of today) expect(Number(site.n)).toBeGreaterThanOrEqual(2);
    // Overdue: past and not yet recorded.
    expect(await count(db, sql`select count(*) as n from visits where visit_status = 'scheduled' and scheduled_at < now() - interval '1 day'`)).toBeGreaterThan(0);
  });

  it("has AEs of every severity and grade, with SAE clocks running and overdue", async () => {
    const db = await testDb();
    expect((await values(db, sql`select distinct severity::text as v from adverse_events`)).sort()).toEqual(
      [...schema.SEVERITIES].sort(),
    );
    expect((await values(db, sql`select distinct grade::text as v from adverse_events`)).sort()).toEqual(["1", "2", "3", "4", "5"]);
    expect((await values(db, sql`select distinct status::text as v from adverse_events`)).sort()).toEqual(
      [...schema.AE_STATUSES].sort(),
    );
    const overdue = sql`select count(*) as n from adverse_events where serious
      and aware_at < now() - interval '24 hours' and sponsor_notified_at is null`;
    expect(await count(db, overdue)).toBeGreaterThanOrEqual(1);
    expect(await count(db, sql`select count(*) as n from adverse_events where serious and assessed_at is null`)).toBeGreaterThan(0);
    expect(
      await count(db, sql`select count(*) as n from adverse_events where assessed_at is not null
        and causality is not null and expectedness is not null and assessed_by_id is not null`),
    ).toBeGreaterThan(0);
    expect(await count(db, sql`select count(*) as n from adverse_events where outcome = 'fatal' and 'death' = any(seriousness_criteria)`)).toBe(1);
  });

  it("has subject notes of every type", async () => {
    const db = await testDb();
    expect((await values(db, sql`select distinct note_type::text as v from subject_notes`)).sort()).toEqual(
      [...schema.NOTE_TYPES].sort(),
    );
  });

  it("creates the named accounts with their role, site and status, all with the demo password", async () => {
    const db = await testDb();
    const all = await db
      .select({ username: users.username, role: users.role, status: users.status, site: sites.name, email: users.email, displayName: users.displayName, password: users.password })
      .from(users)
      .leftJoin(sites, eq(sites.id, users.siteId));
    const byName = new Map(all.map((u) => [u.username, u]));
    const expected: [string, string, string, string | null][] = [
      ["admin", "admin", "active", null],
      ["coordinator1", "coordinator", "active", "Riverside Clinical Research"],
      ["investigator1", "investigator", "active", "Riverside Clinical Research"],
      ["coordinator2", "coordinator", "active", "Lakeside Trials Unit"],
      ["investigator2", "investigator", "active", "Lakeside Trials Unit"],
      ["sponsor1", "sponsor", "active", null],
      ["newuser", "coordinator", "pending", null],
    ];
    for (const [username, role, status, site] of expected) {
      expect(byName.get(username), username).toMatchObject({ role, status, site });
    }
    for (const account of DEMO_ACCOUNTS) expect(byName.has(account.username)).toBe(true);
    for (const u of all) {
      expect(u.email).toBe(`${u.username}@trialdesk.example`);
      expect(u.displayName.length).toBeGreaterThan(3);
    }
    // More than one coordinator and investigator per site, for realism.
    expect(all.filter((u) => u.role === "coordinator" && u.status === "active" && u.site).length).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((u) => u.password)).size).toBe(1);
    expect(await verifyPassword(all[0]?.password ?? "", DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(all[0]?.password ?? "", "wrong-password-1")).toBe(false);
    const access = await db
      .select({ studyId: studySponsorAccess.studyId })
      .from(studySponsorAccess)
      .innerJoin(users, eq(users.id, studySponsorAccess.userId))
      .where(eq(users.username, "sponsor1"));
    expect(access).toHaveLength(2);
  });

  it("skips an empty production database, and seeds the same subjects into another database", async () => {
    const other = await freshPglite();
    try {
      expect(await ensureDemoData(other.db, { embedded: false, requested: false })).toBe("skipped");
      expect(await other.db.select().from(users)).toHaveLength(0);
      expect(await ensureDemoData(other.db, { embedded: false, requested: true })).toBe("seeded");
      expect(await subjectList(other.db)).toEqual(await subjectList(await testDb()));
    } finally {
      await other.close();
    }
  });
});
