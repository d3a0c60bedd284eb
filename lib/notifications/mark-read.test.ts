import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { insertNotification, readStates } from "@/tests/fixtures-notifications";
import { NotFoundError, ValidationError } from "../errors";
import { markAllNotificationsRead, markNotificationRead } from "./mark-read";
import { countUnread } from "./queries";

const f = withTwoSites();

const auditCount = async () => Number((await (await testDb()).select({ n: count() }).from(auditEvents))[0]!.n);

describe("marking notifications read", () => {
  it("marks one read once: a second mark keeps the first time; nothing is audited (the person's own state)", async () => {
    const me = await f.actor(f.users.coordA.id);
    const item = await insertNotification(me.id);
    const audits = await auditCount();
    const first = await markNotificationRead(me, { id: item.id });
    expect(first.id).toBe(item.id);
    expect(first.readAt).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 5));
    const second = await markNotificationRead(me, { id: item.id });
    expect(second.readAt.getTime()).toBe(first.readAt.getTime());
    expect((await readStates(me.id)).get(item.id)).toEqual(first.readAt);
    expect(await auditCount()).toBe(audits);
  });

  it("never touches someone else's: not found, and theirs stays unread", async () => {
    const theirs = await insertNotification(f.users.invA.id);
    for (const user of [f.users.coordA, f.users.coordB, f.users.admin, f.users.sponsor]) {
      await expect(markNotificationRead(await f.actor(user.id), { id: theirs.id })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await readStates(f.users.invA.id)).get(theirs.id)).toBeNull();
    const me = await f.actor(f.users.coordA.id);
    await expect(markNotificationRead(me, { id: "not-an-id" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markNotificationRead(me, { id: theirs.id, readAt: null })).rejects.toBeInstanceOf(ValidationError);
  });

  it("marks all of one's own unread read (up to an instant, when given), keeping earlier read times", async () => {
    const me = await f.actor(f.users.coordB.id);
    const earlier = new Date("2025-01-01T00:00:00Z");
    const alreadyRead = await insertNotification(me.id, { readAt: earlier, createdAt: new Date("2024-12-31T00:00:00Z") });
    const seen = await insertNotification(me.id, { createdAt: new Date("2025-02-01T09:00:00Z") });
    const later = await insertNotification(me.id, { createdAt: new Date("2025-02-01T09:00:01Z") });
    const colleague = await insertNotification(f.users.invB.id);

    expect(await markAllNotificationsRead(me, { upTo: "2025-02-01T09:00:00Z" })).toEqual({ marked: 1 });
    let states = await readStates(me.id);
    expect(states.get(seen.id)).not.toBeNull();
    expect(states.get(later.id)).toBeNull();

    expect(await markAllNotificationsRead(me)).toEqual({ marked: 1 });
    expect(await markAllNotificationsRead(me, {})).toEqual({ marked: 0 });
    states = await readStates(me.id);
    expect(states.get(alreadyRead.id)).toEqual(earlier);
    expect(states.get(later.id)).not.toBeNull();
    expect(await countUnread(me)).toBe(0);
    expect((await readStates(f.users.invB.id)).get(colleague.id)).toBeNull();

    const bad = await markAllNotificationsRead(me, { upTo: "yesterday" }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors)).toEqual(["upTo"]);
  });
});
