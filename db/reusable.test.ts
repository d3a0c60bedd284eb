import { eq, lte, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { sites } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { reusableChecks, reusableQuery, ReusableShapeError } from "./reusable";

withTestDb();

type Handle = Parameters<ReturnType<typeof reusableQuery>>[0];
const findSite = reusableQuery<{ id: string; name: string }[]>("test_find_site");
const byName = (db: Handle) => db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.name, sql.placeholder("name")));

let built = 0;
const counted = (db: Handle) => {
  built++;
  return byName(db);
};

beforeAll(async () => {
  const db = await getDb();
  await db.insert(sites).values({ name: "Reusable North", timezone: "UTC" });
});

class Rollback extends Error {}
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("reusableQuery (rendered once, run on the pool or inside any transaction)", () => {
  // As in production: the check below renders every hit again, which these tests count.
  beforeAll(() => {
    reusableChecks.enabled = false;
    return () => void (reusableChecks.enabled = true);
  });

  it("renders a shape once and fills its placeholders on every run", async () => {
    const db = await getDb();
    const first = await findSite(db, "by-name", counted, { name: "Reusable North" });
    const second = await findSite(db, "by-name", counted, { name: "Nowhere" });
    expect(first.map((s) => s.name)).toEqual(["Reusable North"]);
    expect(second).toEqual([]);
    expect(built).toBe(1);
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
      // A nested transaction (savepoint) too.
      await tx.transaction(async (inner) => {
        expect((await findSite(inner, "by-name", counted, { name: "Reusable North" })).length).toBe(1);
      });
    });
    expect(built).toBe(1);
  });

  it("renders each key's shape separately", async () => {
    const db = await getDb();
    const other = (h: Handle) => h.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.timezone, sql.placeholder("name")));
    expect((await findSite(db, "by-zone", other, { name: "UTC" })).length).toBeGreaterThan(0);
    expect(built).toBe(1);
  });

  it("with the check on, every hit renders again (and matches)", async () => {
    const db = await getDb();
    reusableChecks.enabled = true;
    try {
      await findSite(db, "by-name", counted, { name: "Reusable North" });
      await findSite(db, "by-name", counted, { name: "Nowhere" });
    } finally {
      reusableChecks.enabled = false;
    }
    expect(built).toBe(3);
  });
});

describe("reusableQuery under tests: every hit is rendered again and must match the cached rendering", () => {
  it("is on under vitest", () => {
    expect(reusableChecks.enabled).toBe(true);
  });

  it("catches a builder that captures new Date() instead of taking it as a placeholder", async () => {
    const db = await getDb();
    const created = reusableQuery<{ id: string }[]>("test_created_before");
    const captured = (h: Handle) => h.select({ id: sites.id }).from(sites).where(lte(sites.createdAt, new Date()));
    await created(db, "all", captured, {});
    await tick();
    await expect(created(db, "all", captured, {})).rejects.toThrow(ReusableShapeError);
    await tick();
    await expect(created(db, "all", captured, {})).rejects.toThrow(/shape key "all" rendered differently: a value outside the key and the placeholders/);
  });

  it("catches a captured value bound to a column (an actor's site) that the key does not name", async () => {
    const db = await getDb();
    const scoped = reusableQuery<{ id: string }[]>("test_scoped");
    const forSite = (siteName: string) => (h: Handle) => h.select({ id: sites.id }).from(sites).where(eq(sites.name, siteName));
    await scoped(db, "actor-scope", forSite("Reusable North"), {});
    await expect(scoped(db, "actor-scope", forSite("Somewhere Else"), {})).rejects.toThrow(/parameter \$1: cached "Reusable North", now "Somewhere Else"/);
    // Named in the key, the same builders are two shapes and both run.
    await scoped(db, "site:Somewhere Else", forSite("Somewhere Else"), {});
  });

  it("catches a builder whose SQL text depends on something outside the key", async () => {
    const db = await getDb();
    const shaped = reusableQuery<{ id: string }[]>("test_shaped");
    await shaped(db, "one-key", (h) => h.select({ id: sites.id }).from(sites).where(eq(sites.name, sql.placeholder("name"))), { name: "x" });
    await expect(
      shaped(db, "one-key", (h) => h.select({ id: sites.id }).from(sites).where(eq(sites.timezone, sql.placeholder("name"))), { name: "x" }),
    ).rejects.toThrow(/Differs in SQL text/);
  });

  it("accepts placeholders and values fixed in the builder: the same key renders the same", async () => {
    const db = await getDb();
    const fixed = reusableQuery<{ id: string }[]>("test_fixed");
    const build = (h: Handle) => h.select({ id: sites.id }).from(sites).where(eq(sites.timezone, "UTC")).limit(sql.placeholder("limit") as unknown as number);
    for (const limit of [1, 2, 3]) expect((await fixed(db, "utc", build, { limit })).length).toBeLessThanOrEqual(limit);
  });
});
