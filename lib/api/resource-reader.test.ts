import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { makeVisit } from "@/tests/fixtures-visits";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { visitReader } from "./resources/visits/queries";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let visitA: { id: string };
let visitB: { id: string };
beforeAll(async () => {
  f = await twoSites();
  visitA = await makeVisit(f, { scheduledAt: new Date("2025-06-09T14:00:00Z"), statusReason: "Told us about her daughter" });
  visitB = await makeVisit(f, { scheduledAt: new Date("2025-06-09T14:00:00Z") }, "B");
});

const notFound = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(NotFoundError);

describe("record reads (prepared once per actor shape and include)", () => {
  it("never serves one scope's query to another: a moved, demoted or re-granted user reads by their rights of the moment", async () => {
    const coord = await f.actor(f.users.coordA.id);
    expect((await visitReader.get(coord, visitA.id)).id).toBe(visitA.id);
    await notFound(visitReader.get(coord, visitB.id));

    // The same user, now at site B (as an administrator's change would load them on the next request)
    const moved: Actor = { ...coord, siteId: f.siteB.id };
    expect((await visitReader.get(moved, visitB.id)).id).toBe(visitB.id);
    await notFound(visitReader.get(moved, visitA.id));

    // …disabled (refused before any query)
    await expect(visitReader.get({ ...coord, status: "disabled" }, visitA.id)).rejects.toThrow("not allowed");

    // …made a sponsor with study A only, then with no grant: de-identified, then nothing
    const sponsorView = await visitReader.get({ ...coord, role: "sponsor", siteId: null, sponsorStudyIds: [f.studyA.id] }, visitA.id);
    expect(sponsorView.statusReason).toBeNull();
    await notFound(visitReader.get({ ...coord, role: "sponsor", siteId: null, sponsorStudyIds: [] }, visitA.id));

    // …and back: the site staff's query again, with the free text
    expect((await visitReader.get(coord, visitA.id)).statusReason).toBe("Told us about her daughter");
  });

  it("keys the shape by include, so embeds come and go with the request", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const bare = (await visitReader.get(coord, visitA.id)) as Record<string, unknown>;
    const withSubject = (await visitReader.get(coord, visitA.id, new Set(["subject"]))) as Record<string, unknown>;
    expect(bare.subject).toBeUndefined();
    expect((withSubject.subject as { id: string }).id).toBe(f.subjectA.id);
    expect(await visitReader.get(coord, visitA.id, new Set(["subject"]))).toEqual(withSubject);
  });
});
