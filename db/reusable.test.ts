import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { sites } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { reusableQuery } from "./reusable";

withTestDb();

const findSite = reusableQuery<{ id: string; name: string }[]>("test_find_site");
const byName = (db: Parameters<typeof findSite>[0]) => db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.name, sql.placeholder("name")));

let builds = 0;
const counted = (db: Parameters<typeof findSite>[0]) => {
  builds++;
  return byName(db);
};

beforeAll(async () => {
  const db = await getDb();
  await db.insert(sites).values({ name: "Reusable North", timezone: "UTC" });
});

class Rollback extends Error {}

describe("reusableQuery (rendered once, run on the pool or inside any transaction)", () => {
  it("renders a shape once and fills its placeholders on every run", async () => {
    const db = await getDb();
    const first = await findSite(db, "by-name", counted, { name: "Reusable North" });
    const second = await findSite(db, "by-name", counted, { name: "Nowhere" });
    expect(first.map((s) => s.name)).toEqual(["Reusable North"]);
    expect(second).toEqual([]);
    expect(builds).toBe(1);
  });

  it("runs inside the transaction at hand: it sees that transaction's own uncommitted rows, which roll back", async () => {
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(sites).values({ name: "Reusable Uncommitted", timezone: "UTC" });
        expect((await findSite(tx, "by-name", counted, { name: "Reusable Uncommitted" })).length).toBe(1);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await findSite(db, "by-name", counted, { name: "Reusable Uncommitted" })).toEqual([]);
    // …and in a second transaction, a new handle, still the one rendering.
    await db.transaction(async (tx) => {
      expect((await findSite(tx, "by-name", counted, { name: "Reusable North" })).length).toBe(1);
    });
    expect(builds).toBe(1);
  });

  it("renders each key's shape separately", async () => {
    const db = await getDb();
    const other = (h: Parameters<typeof findSite>[0]) => h.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.timezone, sql.placeholder("name")));
    expect((await findSite(db, "by-zone", other, { name: "UTC" })).length).toBeGreaterThan(0);
    expect(builds).toBe(1);
  });
});
