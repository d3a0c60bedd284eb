import { describe, expect, it } from "vitest";
import { withTwoSites } from "@/tests/fixtures";
import { insertNotification } from "@/tests/fixtures-notifications";
import { makeUser } from "@/tests/fixtures";
import { loadActorById } from "@/tests/load-actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { countUnread, getNotification, listNotifications } from "./queries";

const f = withTwoSites();

describe("the inbox's reads", () => {
  it("lists only the actor's own notifications, newest first, unread or all, a page at a time", async () => {
    const me = await f.actor(f.users.invA.id);
    const at = (day: number, hour = 12) => new Date(Date.UTC(2025, 2, day, hour));
    const oldest = await insertNotification(me.id, { createdAt: at(1) });
    const readOne = await insertNotification(me.id, { createdAt: at(2), readAt: at(3) });
    // Equal times: the id breaks the tie, the same way on every page.
    const tieA = await insertNotification(me.id, { createdAt: at(4) });
    const tieB = await insertNotification(me.id, { createdAt: at(4) });
    const newest = await insertNotification(me.id, { createdAt: at(5), category: "visits" });
    await insertNotification(f.users.coordA.id, { createdAt: at(6) }); // a colleague's
    const ties = [tieA, tieB].sort((a, b) => (a.id < b.id ? 1 : -1)).map((n) => n.id);

    const all = await listNotifications(me, { view: "all", page: 1, pageSize: 50 });
    expect(all.rows.map((n) => n.id)).toEqual([newest.id, ...ties, readOne.id, oldest.id]);
    expect(all.total).toBe(5);
    expect(Object.keys(all.rows[0]!).sort()).toEqual(
      ["body", "category", "createdAt", "entity", "entityId", "id", "link", "readAt", "rule", "subjectId", "title"].sort(),
    );

    const unread = await listNotifications(me, { view: "unread", page: 1, pageSize: 50 });
    expect(unread.rows.map((n) => n.id)).toEqual([newest.id, ...ties, oldest.id]);
    expect(await countUnread(me)).toBe(4);

    const first = await listNotifications(me, { view: "all", page: 1, pageSize: 2 });
    const second = await listNotifications(me, { view: "all", page: 2, pageSize: 2 });
    const third = await listNotifications(me, { view: "all", page: 3, pageSize: 2 });
    expect([...first.rows, ...second.rows, ...third.rows].map((n) => n.id)).toEqual(all.rows.map((n) => n.id));
    expect(first).toMatchObject({ total: 5, pageCount: 3, page: 1 });
  });

  it("reads one of one's own; anyone else's, or a malformed id, is not found — for every role", async () => {
    const mine = await insertNotification(f.users.sponsor.id, { category: "admin" });
    const sponsor = await f.actor(f.users.sponsor.id);
    expect(await getNotification(sponsor, mine.id)).toMatchObject({ id: mine.id, category: "admin", readAt: null });
    for (const user of [f.users.coordA, f.users.invA, f.users.coordB, f.users.admin]) {
      await expect(getNotification(await f.actor(user.id), mine.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getNotification(sponsor, "nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives an account that is not active nothing at all", async () => {
    const pending = await makeUser("pending_inbox", "coordinator", null, "pending");
    await insertNotification(pending.id);
    const actor = await loadActorById(pending.id);
    await expect(countUnread(actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listNotifications(actor, { view: "all", page: 1, pageSize: 10 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
