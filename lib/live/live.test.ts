/**
 * GET /api/v1/live end to end in one process, on PGlite (its own listen/notify) and on PostgreSQL
 * (LISTEN/NOTIFY): real writes through the REST API reach exactly the subscribers the policy lets
 * see them, resuming replays only what the subscriber may see, and a disabled account's stream ends.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/actor";
import { revokeSponsorAccess } from "@/lib/admin/sponsor-access";
import { setUserStatus } from "@/lib/users/admin";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { clientFor, tokenFor } from "@/tests/api/client";
import { handleLive } from "./endpoint";
import { stopLive, subscriberCount } from "./hub";

withTestDb();

type Sse = { id?: string; event: string; data: string };
type Stream = { status: number; events: Sse[]; changes: () => Record<string, unknown>[]; closed: () => boolean; close: () => void; raw: () => string };

const streams: Stream[] = [];

/** Opens the live stream as the Next route would, and collects its events as they arrive. */
async function open(auth: { token?: string; session?: Actor | null }, options: { lastEventId?: string; heartbeatMs?: number } = {}): Promise<Stream> {
  const abort = new AbortController();
  const headers: Record<string, string> = {};
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
  const request = new Request("http://trialdesk.test/api/v1/live", { headers, signal: abort.signal });
  const response = await handleLive(request, async () => auth.session ?? null, { heartbeatMs: options.heartbeatMs });
  const events: Sse[] = [];
  let text = "";
  let closed = response.status !== 200;
  if (response.status === 200) {
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        text += value;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: Sse = { event: "message", data: "" };
          let hasData = false;
          for (const line of block.split("\n")) {
            if (line.startsWith("id: ")) event.id = line.slice(4);
            else if (line.startsWith("event: ")) event.event = line.slice(7);
            else if (line.startsWith("data: ")) {
              event.data = line.slice(6);
              hasData = true;
            }
          }
          if (hasData) events.push(event);
        }
      }
      closed = true;
    })();
  }
  const stream: Stream = {
    status: response.status,
    events,
    changes: () => events.filter((e) => e.event === "message").map((e) => JSON.parse(e.data) as Record<string, unknown>),
    closed: () => closed,
    close: () => abort.abort(),
    raw: () => text,
  };
  streams.push(stream);
  if (response.status === 200) await vi.waitFor(() => expect(events.some((e) => e.event === "ready" || e.event === "reset")).toBe(true));
  return stream;
}

let f: Awaited<ReturnType<typeof twoSites>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  f = await twoSites();
  for (const [name, user] of Object.entries(f.users)) tokens[name] = await tokenFor(user.id);
});

afterAll(async () => {
  for (const s of streams) s.close();
  await stopLive();
});

async function createSubject(site: "A" | "B", code: string): Promise<string> {
  const user = site === "A" ? f.users.coordA : f.users.coordB;
  const api = await clientFor(user.id);
  const { data, response } = await api.POST("/api/v1/subjects", {
    body: {
      studyId: site === "A" ? f.studyA.id : f.studyB.id,
      subjectId: code,
      fullName: `Person ${code}`,
      coordinatorId: user.id,
      dob: "1990-02-03",
      sexAtBirth: "female",
      consentSignedAt: null,
    },
  });
  expect(response.status).toBe(201);
  return data!.id;
}

const ids = (s: Stream) => s.changes().map((c) => c.id);

describe("GET /api/v1/live", () => {
  it("refuses a caller without a token or session, and a disabled account", async () => {
    expect((await open({})).status).toBe(401);
    const disabled = await (await import("@/tests/fixtures")).makeUser("gone_b", "coordinator", f.siteB.id, "disabled");
    expect((await open({ session: await f.actor(disabled.id) })).status).toBe(401);
  });

  it("delivers a change only to those who may see it: site, sponsor grant, admin — ids only", async () => {
    const coordA = await open({ token: tokens.coordA });
    const coordB = await open({ token: tokens.coordB });
    const invB = await open({ session: await f.actor(f.users.invB.id) }); // the web session path
    const sponsor = await open({ token: tokens.sponsor });
    const admin = await open({ token: tokens.admin });

    const started = Date.now();
    const a = await createSubject("A", "A-LIVE-1");
    const b = await createSubject("B", "B-LIVE-1");
    await vi.waitFor(() => expect(ids(admin)).toEqual(expect.arrayContaining([a, b])), { timeout: 3000, interval: 10 });
    await vi.waitFor(() => expect(ids(coordB)).toContain(b), { timeout: 3000, interval: 10 });
    expect(Date.now() - started).toBeLessThan(2000);

    expect(ids(coordA)).toEqual([a]);
    expect(ids(coordB)).toEqual([b]);
    await vi.waitFor(() => expect(ids(invB)).toEqual([b]));
    expect(ids(sponsor)).toEqual([a]); // granted study A only
    expect(admin.changes().find((c) => c.id === a)).toEqual({ type: "created", entity: "subject", id: a, studyId: f.studyA.id, subjectId: a, at: expect.any(String) });
    // Nothing personal and nothing about another site on the wire.
    for (const s of [coordA, coordB, sponsor, admin]) {
      expect(s.raw()).not.toContain("Person");
      expect(s.raw()).not.toContain(f.siteA.id);
      expect(s.raw()).not.toContain(f.siteB.id);
      for (const c of s.changes()) expect(Object.keys(c).sort()).toEqual(["at", "entity", "id", "studyId", "subjectId", "type"]);
      expect(s.events.filter((e) => e.event === "message").every((e) => /^[a-z0-9]+-\d+$/.test(e.id ?? ""))).toBe(true);
    }
    expect(coordB.raw()).not.toContain(a);
    expect(coordB.raw()).not.toContain(f.studyA.id);
  });

  it("names the subject a record belongs to, so a subject's timeline refreshes for that subject only", async () => {
    const coordA = await open({ token: tokens.coordA });
    const a = await createSubject("A", "A-LIVE-NOTE");
    const api = await clientFor(f.users.coordA.id);
    const { data, response } = await api.POST("/api/v1/subject-notes", { body: { subjectId: a, noteType: "call", noteText: "Called back" } });
    expect(response.status).toBe(201);
    await vi.waitFor(() => expect(ids(coordA)).toContain(data!.id), { timeout: 3000, interval: 10 });
    expect(coordA.changes().find((c) => c.id === data!.id)).toMatchObject({ entity: "subject_note", subjectId: a, studyId: f.studyA.id });
    expect(coordA.changes().find((c) => c.id === a)).toMatchObject({ entity: "subject", subjectId: a });
  });

  it("resumes after Last-Event-ID with only what the subscriber may see, and resets an unknown id", async () => {
    const probe = await open({ token: tokens.coordB });
    const from = probe.events.find((e) => e.event === "ready")!.id!;
    const a = await createSubject("A", "A-LIVE-2");
    const b = await createSubject("B", "B-LIVE-2");
    await vi.waitFor(() => expect(ids(probe)).toEqual([b]));
    probe.close();

    const resumed = await open({ token: tokens.coordB }, { lastEventId: from });
    expect(ids(resumed)).toEqual([b]);
    expect(resumed.raw()).not.toContain(a);
    expect(resumed.events.at(-1)!.event).toBe("ready");

    const stale = await open({ token: tokens.coordB }, { lastEventId: "otherprocess-3" });
    expect(stale.events.map((e) => e.event)).toEqual(["reset"]);
    expect(stale.events[0]!.id).toMatch(/^[a-z0-9]+-\d+$/);
  });

  it("applies a revoked sponsor grant to what the stream delivers next", async () => {
    const sponsor = await open({ token: tokens.sponsor });
    const adminStream = await open({ token: tokens.admin });
    await revokeSponsorAccess(await f.actor(f.users.admin.id), { studyId: f.studyA.id, userId: f.users.sponsor.id });
    // The study change makes the sponsor's rights be re-read at once (no heartbeat needed).
    await vi.waitFor(() => expect(adminStream.changes().some((c) => c.entity === "study")).toBe(true));
    await new Promise((r) => setTimeout(r, 200));
    const a = await createSubject("A", "A-LIVE-3");
    await vi.waitFor(() => expect(ids(adminStream)).toContain(a));
    expect(ids(sponsor)).not.toContain(a);
  });

  it("caps open streams per user at LIVE_MAX_PER_USER (default 5): the next gets 429 problem+json with Retry-After; a closed stream frees its slot", async () => {
    // A user of their own, so the streams other tests leave open do not count here.
    const fixtures = await import("@/tests/fixtures");
    const user = await fixtures.makeUser("live_cap_a", "coordinator", f.siteA.id);
    const token = await tokenFor(user.id);
    const session = await f.actor(user.id);
    // Token and web session are one person: their streams share the cap.
    const opened = await Promise.all([0, 1, 2, 3, 4].map((i) => open(i % 2 ? { session } : { token })));
    expect(opened.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    for (const auth of [{ token }, { session }]) {
      const sixth = await open(auth);
      expect(sixth.status).toBe(429);
    }
    const request = new Request("http://trialdesk.test/api/v1/live", { headers: { authorization: `Bearer ${token}` } });
    const refused = await handleLive(request, async () => null);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ status: 429, title: "Too many requests", detail: expect.stringMatching(/5 live streams/) });

    // Another user is not affected by this one's streams.
    expect((await open({ token: tokens.coordA })).status).toBe(200);

    opened[0]!.close();
    await vi.waitFor(() => expect(opened[0]!.closed()).toBe(true));
    const again = await open({ token });
    expect(again.status).toBe(200);
    expect((await open({ session })).status).toBe(429);
    for (const s of [...opened, again]) s.close();
  });

  it("takes the cap from LIVE_MAX_PER_USER, and frees the slots of streams that end", async () => {
    const saved = process.env.LIVE_MAX_PER_USER;
    process.env.LIVE_MAX_PER_USER = "2";
    try {
      const fixtures = await import("@/tests/fixtures");
      const user = await fixtures.makeUser("live_cap_b", "coordinator", f.siteB.id);
      const token = await tokenFor(user.id);
      // Six parallel opens: exactly two get a stream.
      const all = await Promise.all([0, 1, 2, 3, 4, 5].map(() => open({ token })));
      expect(all.map((s) => s.status).sort()).toEqual([200, 200, 429, 429, 429, 429]);
      for (const s of all) s.close();
      await vi.waitFor(() => expect(all.every((s) => s.closed())).toBe(true));
      const next = await Promise.all([0, 1, 2].map(() => open({ token })));
      expect(next.map((s) => s.status).sort()).toEqual([200, 200, 429]);
      for (const s of next) s.close();
    } finally {
      if (saved === undefined) delete process.env.LIVE_MAX_PER_USER;
      else process.env.LIVE_MAX_PER_USER = saved;
    }
  });

  it("ends a disabled user's stream at once (the change to their record is announced)", async () => {
    // The default 15 s heartbeat: closing within the wait below proves the re-read is immediate.
    const invB = await open({ token: tokens.invB });
    const admin = await f.actor(f.users.admin.id);
    const before = subscriberCount();
    await setUserStatus(admin, { userId: f.users.invB.id, status: "disabled", version: 1, reason: "Left the site" });
    await vi.waitFor(() => expect(invB.closed()).toBe(true), { timeout: 3000 });
    expect(invB.events.at(-1)).toMatchObject({ event: "end", data: JSON.stringify({ reason: "disabled" }) });
    // This stream and any other of the same user still open from earlier tests.
    expect(subscriberCount()).toBeLessThanOrEqual(before - 1);
  });
});
