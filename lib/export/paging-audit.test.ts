/**
 * API paging audited like an export (issue 12, finding 11): REST and GraphQL list pages of identified
 * records add to the user's hourly count; crossing EXPORT_AUDIT_ROWS_PER_HOUR writes one `export`
 * audit row, each further multiple one more — never one per page. A sponsor's de-identified pages
 * and resources that identify nobody do not count.
 */
import { rawSql, testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { and, eq, gt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { gql } from "@/lib/graphql/test-client";
import { rawCall, tokenFor } from "@/tests/api/client";

const f = withTwoSites();
const EVERY = 10;

beforeAll(async () => {
  process.env.EXPORT_AUDIT_ROWS_PER_HOUR = String(EVERY);
  // 24 more subjects at site A (25 with the fixture's), all in the sponsor's study.
  await rawSql(`
    insert into subjects (site_id, study_id, subject_id, full_name, coordinator_id)
    select '${f.siteA.id}', '${f.studyA.id}', 'PAGE-' || lpad(g::text, 2, '0'), 'Paged Person ' || g, '${f.users.coordA.id}'
    from generate_series(1, 24) g`);
});

async function lastSeq(): Promise<number> {
  const [row] = await (await testDb()).select({ seq: sql<number>`coalesce(max(${auditEvents.seq}), 0)`.mapWith(Number) }).from(auditEvents);
  return row!.seq;
}

async function exportsSince(seq: number, actorId: string) {
  return (await testDb())
    .select({ entity: auditEvents.entity, changes: auditEvents.changes })
    .from(auditEvents)
    .where(and(gt(auditEvents.seq, seq), eq(auditEvents.action, "export"), eq(auditEvents.actorId, actorId)))
    .orderBy(auditEvents.seq);
}

/** Every page of the REST subjects list, `limit` at a time; the rows each page held. */
async function pageThroughRest(token: string, limit: number): Promise<number[]> {
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const response = await rawCall("GET", `/subjects?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token });
    expect(response.status).toBe(200);
    const body = response.body as { data: unknown[]; nextCursor: string | null };
    sizes.push(body.data.length);
    cursor = body.nextCursor;
  } while (cursor);
  return sizes;
}

describe("API paging past EXPORT_AUDIT_ROWS_PER_HOUR", () => {
  it("writes one export audit row per N identified records pulled, not one per page, across REST and GraphQL", async () => {
    const before = await lastSeq();
    const token = await tokenFor(f.users.invA.id);
    // REST: 25 records in pages of 4 → 10 and 20 crossed: two rows, whatever the seven pages.
    const sizes = await pageThroughRest(token, 4);
    expect(sizes).toEqual([4, 4, 4, 4, 4, 4, 1]);
    const rest = await exportsSince(before, f.users.invA.id);
    expect(rest.map((r) => [r.entity, r.changes.via, r.changes.records])).toEqual([
      ["subject", [null, "api paging"], [null, 10]],
      ["subject", [null, "api paging"], [null, 20]],
    ]);
    // GraphQL lists count into the same hour: 25 + 5 = 30 → one more row.
    const page = await gql<{ subjects: { data: unknown[] } }>(token, "{ subjects(limit: 5) { data { id fullName } } }");
    expect(page.errors).toEqual([]);
    expect(page.data?.subjects.data).toHaveLength(5);
    const all = await exportsSince(before, f.users.invA.id);
    expect(all.map((r) => r.changes.records)).toEqual([[null, 10], [null, 20], [null, 30]]);
    // Below the next multiple: no row.
    await rawCall("GET", "/subjects?limit=3", { token });
    expect(await exportsSince(before, f.users.invA.id)).toHaveLength(3);
  });

  it("does not count a sponsor's de-identified pages, nor records that identify nobody", async () => {
    const before = await lastSeq();
    const sponsor = await tokenFor(f.users.sponsor.id);
    const sizes = await pageThroughRest(sponsor, 4);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(25);
    expect(await exportsSince(before, f.users.sponsor.id)).toEqual([]);
    const coord = await tokenFor(f.users.coordB.id);
    for (let i = 0; i < 12; i++) expect((await rawCall("GET", "/studies?limit=5", { token: coord })).status).toBe(200);
    expect(await exportsSince(before, f.users.coordB.id)).toEqual([]);
  });
});
