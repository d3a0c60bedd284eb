import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { adverseEvents } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { hasLiveSignature } from "./live";
import { signAdverseEvent } from "./sign-ae";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

describe("hasLiveSignature", () => {
  it("tells a signed AE from an unsigned one in the select list of a query on adverse_events alone", async () => {
    const assessed = { causality: "possible", expectedness: "expected", outcome: "recovering", assessedAt: new Date("2024-02-02T10:00:00Z") } as const;
    const signed = await insertAe(f, assessed);
    const unsigned = await insertAe(f, assessed);
    await signAdverseEvent(await f.actor(f.users.invA.id), { id: signed.id, version: signed.version, username: "inv_a", password: FIXTURE_PASSWORD });
    const db = await getDb();
    const signedOf = async (id: string) => {
      const [row] = await db.select({ signed: hasLiveSignature("adverse_event", adverseEvents.id) }).from(adverseEvents).where(eq(adverseEvents.id, id));
      return row!.signed;
    };
    expect(await signedOf(signed.id)).toBe(true);
    expect(await signedOf(unsigned.id)).toBe(false);
  });
});
