import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { resultRows } from "./rate-limit";
import { pruneBookkeeping, SESSION_KEEP_DAYS } from "./housekeeping";
import { withTwoSites } from "@/tests/fixtures";

const f = withTwoSites();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe("housekeeping", () => {
  it("deletes sessions a month past their end and day-old counters, and keeps the rest", async () => {
    const db = await getDb();
    const user = f.users.coordA.id;
    const insert = async (createdDaysAgo: number, ended: boolean) =>
      resultRows<{ id: string }>(
        await db.execute(sql`insert into user_sessions (user_id, created_at, last_seen_at, ended_at)
          values (${user}, ${daysAgo(createdDaysAgo)}, ${daysAgo(createdDaysAgo)}, ${ended ? daysAgo(createdDaysAgo) : null}) returning id`),
      )[0]!.id;
    const old = [await insert(SESSION_KEEP_DAYS + 1, true), await insert(SESSION_KEEP_DAYS + 2, false)];
    const kept = [await insert(SESSION_KEEP_DAYS - 1, true), await insert(0, false)];
    await db.execute(sql`insert into rate_limits (key, count, window_start) values
      ('hk:old', 3, ${daysAgo(2)}), ('hk:fresh', 3, now() - interval '50 minutes')`);

    const pruned = await pruneBookkeeping(db);
    expect(pruned.sessions).toBeGreaterThanOrEqual(2);
    expect(pruned.counters).toBeGreaterThanOrEqual(1);
    const left = resultRows<{ id: string }>(await db.execute(sql`select id from user_sessions where user_id = ${user}`)).map((r) => r.id);
    expect(left).toEqual(expect.arrayContaining(kept));
    for (const id of old) expect(left).not.toContain(id);
    const keys = resultRows<{ key: string }>(await db.execute(sql`select key from rate_limits where key like 'hk:%'`)).map((r) => r.key);
    expect(keys).toEqual(["hk:fresh"]);
  });
});
