/**
 * /api/v1/notifications and GraphQL's notifications: one's own inbox only (anyone else's is 404 /
 * NOT_FOUND), the unread filter, marking read idempotent, and bad input refused as problem+json.
 */
import { describe, expect, it } from "vitest";
import { gql } from "@/lib/graphql/test-client";
import { withTwoSites } from "@/tests/fixtures";
import { insertNotification, readStates } from "@/tests/fixtures-notifications";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";
import { mutate, send, statuses } from "@/tests/api/both-transports";

const f = withTwoSites();

const FIELDS = ["id", "category", "rule", "title", "body", "entity", "entityId", "subjectId", "link", "readAt", "createdAt"];
const at = (minute: number) => new Date(Date.UTC(2025, 4, 1, 9, minute));

describe("REST /notifications", () => {
  it("lists the caller's own, newest first, all or unread only, a page at a time; reads one", async () => {
    const me = f.users.coordA.id;
    const made = [];
    for (let minute = 0; minute < 5; minute++) made.push(await insertNotification(me, { createdAt: at(minute), subjectId: f.subjectA.id }));
    const read = await insertNotification(me, { createdAt: at(10), readAt: at(11), category: "visits", rule: "visit.reminder" });
    const theirs = await insertNotification(f.users.invA.id, { createdAt: at(20) });

    const api = await clientFor(me);
    const all = await api.GET("/api/v1/notifications", {});
    expect(all.response.status).toBe(200);
    expect(all.data!.data.map((n) => n.id)).toEqual([read.id, ...made.map((n) => n.id).reverse()]);
    expect(Object.keys(all.data!.data[0]!).sort()).toEqual([...FIELDS].sort());
    expect(all.data!.data[1]).toMatchObject({ category: "safety", subjectId: f.subjectA.id, readAt: null, link: made[4]!.link });

    const unread = await api.GET("/api/v1/notifications", { params: { query: { unread: "true" } } });
    expect(unread.data!.data.map((n) => n.id)).toEqual(made.map((n) => n.id).reverse());
    const readOnly = await api.GET("/api/v1/notifications", { params: { query: { unread: "false" } } });
    expect(readOnly.data!.data.map((n) => n.id)).toEqual([read.id]);
    const visits = await api.GET("/api/v1/notifications", { params: { query: { category: "visits" } } });
    expect(visits.data!.data.map((n) => n.id)).toEqual([read.id]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.GET("/api/v1/notifications", { params: { query: { unread: "true", limit: 2, order: "createdAt", cursor } } });
      seen.push(...page.data!.data.map((n) => n.id));
      cursor = page.data!.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(made.map((n) => n.id));

    const one = await api.GET("/api/v1/notifications/{id}", { params: { path: { id: read.id } } });
    expect(one.data).toEqual(all.data!.data[0]);
    expect((await api.GET("/api/v1/notifications/{id}", { params: { path: { id: theirs.id } } })).response.status).toBe(404);
    expect(all.data!.data.map((n) => n.id)).not.toContain(theirs.id);
  });

  it("marks one read, idempotently (the first time stays), and all of them read; never anyone else's", async () => {
    const me = f.users.invB.id;
    const token = await tokenFor(me);
    const first = await insertNotification(me);
    const second = await insertNotification(me);
    const theirs = await insertNotification(f.users.coordB.id);

    const marked = await send("PATCH", `/notifications/${first.id}`, token, { read: true });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: first.id, title: first.title });
    const readAt = marked.body!.readAt as string;
    expect(readAt).not.toBeNull();
    const again = await send("PATCH", `/notifications/${first.id}`, token, { read: true });
    expect(again.body!.readAt).toBe(readAt);

    // Someone else's: as unknown as a missing one, whoever asks, and it stays unread.
    for (const user of [f.users.invB, f.users.coordA, f.users.admin, f.users.sponsor]) {
      const other = await tokenFor(user.id);
      expect(await statuses([send("GET", `/notifications/${theirs.id}`, other), send("PATCH", `/notifications/${theirs.id}`, other, { read: true })])).toEqual([404, 404]);
    }
    expect((await readStates(f.users.coordB.id)).get(theirs.id)).toBeNull();

    const all = await send("POST", "/notifications/read-all", token, {});
    expect(all).toMatchObject({ status: 200, body: { marked: 1 } });
    expect((await send("POST", "/notifications/read-all", token, {})).body).toEqual({ marked: 0 });
    const states = await readStates(me);
    expect(states.get(second.id)).not.toBeNull();
    expect(states.get(first.id)!.toISOString()).toBe(readAt);
    expect((await readStates(f.users.coordB.id)).get(theirs.id)).toBeNull();
    expect((await apiClient().GET("/api/v1/notifications", {})).response.status).toBe(401);
  });

  it("refuses bad input with problem+json naming the fields, and changes nothing", async () => {
    const me = f.users.coordB.id;
    const token = await tokenFor(me);
    const item = await insertNotification(me);
    const patch = (body: unknown) => send("PATCH", `/notifications/${item.id}`, token, body);
    for (const body of [{ read: false }, { read: "true" }, {}, { read: true, title: "Changed" }, { readAt: "2025-01-01T00:00:00Z" }]) {
      const refused = await patch(body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.type).toBe("application/problem+json");
    }
    expect(((await patch({ read: false })).body!.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["#/read"]);
    expect((await rawCall("PATCH", `/notifications/${item.id}`, { token, body: "{" })).status).toBe(400);
    expect((await rawCall("PATCH", `/notifications/${item.id}`, { token, body: "read", contentType: "text/plain" })).status).toBe(415);
    expect((await send("PATCH", "/notifications/not-an-id", token, { read: true })).status).toBe(404);
    const bulk = await send("POST", "/notifications/read-all", token, { upTo: "soon" });
    expect(bulk.status).toBe(422);
    expect((bulk.body!.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["#/upTo"]);
    expect((await send("POST", "/notifications/read-all", token, { all: true })).status).toBe(422);
    for (const query of ["unread=yes", "category=gossip", "order=title", "include=subject", "limit=0", "userId=x"]) {
      const res = await rawCall("GET", `/notifications?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.type).toBe("application/problem+json");
    }
    expect((await readStates(me)).get(item.id)).toBeNull();
  });
});

describe("GraphQL notifications", () => {
  it("reads and marks read as REST does", async () => {
    const me = f.users.invA.id;
    const token = await tokenFor(me);
    const older = await insertNotification(me, { createdAt: at(30) });
    const newer = await insertNotification(me, { createdAt: at(31), category: "screening", rule: "screening.signoff" });
    const theirs = await insertNotification(f.users.coordA.id);
    const selection = FIELDS.join(" ");

    const list = await gql<{ notifications: { data: Record<string, unknown>[]; nextCursor: string | null } }>(
      token,
      `{ notifications(unread: true, limit: 50) { data { ${selection} } nextCursor } }`,
    );
    expect(list.errors).toEqual([]);
    const rest = await send("GET", "/notifications?unread=true&limit=50", token);
    expect(list.data!.notifications).toEqual(rest.body);
    expect(list.data!.notifications.data.map((n) => n.id)).toEqual(expect.arrayContaining([newer.id, older.id]));

    const one = await gql<{ notification: Record<string, unknown> }>(token, `query($id: ID!) { notification(id: $id) { ${selection} } }`, { id: newer.id });
    expect(one.data!.notification).toEqual((await send("GET", `/notifications/${newer.id}`, token)).body);
    const foreign = await gql(token, `query($id: ID!) { notification(id: $id) { id } }`, { id: theirs.id });
    expect(foreign.codes).toEqual(["NOT_FOUND"]);

    const marked = await mutate(token, "updateNotification", { id: newer.id, input: { read: true } }, FIELDS);
    expect(marked.errors).toEqual([]);
    expect(marked.answer).toEqual((await send("GET", `/notifications/${newer.id}`, token)).body);
    expect(marked.answer!.readAt).not.toBeNull();
    const again = await mutate(token, "updateNotification", { id: newer.id, input: { read: true } }, ["readAt"]);
    expect(again.answer!.readAt).toBe(marked.answer!.readAt);
    expect((await mutate(token, "updateNotification", { id: theirs.id, input: { read: true } })).codes).toEqual(["NOT_FOUND"]);
    expect((await mutate(token, "updateNotification", { id: older.id, input: { read: false } })).codes).toEqual(["BAD_USER_INPUT"]);

    const all = await gql<{ markAllNotificationsRead: { marked: number } }>(token, "mutation { markAllNotificationsRead(input: {}) { marked } }");
    expect(all.errors).toEqual([]);
    expect(all.data!.markAllNotificationsRead.marked).toBeGreaterThanOrEqual(1);
    expect((await readStates(me)).get(older.id)).not.toBeNull();
    expect((await readStates(f.users.coordA.id)).get(theirs.id)).toBeNull();
  });
});
