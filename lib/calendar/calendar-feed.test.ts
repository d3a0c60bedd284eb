/**
 * A person's calendar feed, read back by an independent iCalendar parser (ical.js): their visits
 * and open tasks in the window, codes only; the URL stops working when revoked or regenerated, and
 * nothing but the server's own signature for that very feed opens it.
 */
import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { subjects, tasks, users, type Task } from "@/db/schema";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { auditOf } from "@/tests/fixtures-safety";
import { withAuthSecret } from "@/tests/auth-secret";
import { makeVisit } from "@/tests/fixtures-visits";
import { ForbiddenError } from "../errors";
import { calendarFeedResponse } from "./endpoint";
import { feedFileName } from "./feed-secret";
import { currentFeed, regenerateFeed, revokeFeed } from "./feeds";

const f = withTwoSites();
const DAY = 86_400_000;
const FREE_TEXT = ["Alice", "Anders", "Bob Brown", "Room 12 behind", "diary", "Ms Smith"];

withAuthSecret();

async function insertTask(values: Partial<typeof tasks.$inferInsert> & { dueAt: Date }): Promise<Task> {
  const db = await getDb();
  const [row] = await db
    .insert(tasks)
    .values({
      siteId: f.siteA.id,
      studyId: f.studyA.id,
      subjectId: f.subjectA.id,
      entity: "subject",
      entityId: f.subjectA.id,
      title: "Call Alice Anders about her diary",
      details: "Ms Smith said so",
      source: "person",
      ...(values.assigneeRole ? {} : { assigneeId: f.users.coordA.id }),
      ...values,
    })
    .returning();
  return row!;
}

const get = (fileName: string) => calendarFeedResponse(new Request(`http://trialdesk.test/api/calendar/${fileName}`), fileName);

/** The feed as a calendar client reads it: each VEVENT's UID, summary, start and end. */
async function read(fileName: string) {
  const response = await get(fileName);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  const events = calendar.getAllSubcomponents("vevent").map((c) => {
    const event = new ICAL.Event(c);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate, end: event.endDate };
  });
  return { text, events };
}

let coordFile: string;
let ids: Record<string, string> = {};

beforeAll(async () => {
  const now = Date.now();
  const db = await getDb();
  const otherCoord = await makeUser("coord_a2", "coordinator", f.siteA.id);
  const [other] = await db
    .insert(subjects)
    .values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: "A-02", fullName: "Ms Smith", coordinatorId: otherCoord.id, dob: "1975-01-01" })
    .returning();
  const at = (days: number) => new Date(Math.floor((now + days * DAY) / 60_000) * 60_000);
  const visit = async (days: number, values: Parameters<typeof makeVisit>[1] extends infer V ? Partial<V> : never = {}, site: "A" | "B" = "A") =>
    (await makeVisit(f, { scheduledAt: at(days), location: "Room 12 behind the lab", ...values }, site)).id;
  ids = {
    mine: await visit(3, { visitType: "baseline" }),
    minePast: await visit(-10, { visitStatus: "completed", completedAt: at(-10) }),
    colleagues: await visit(4, { subjectId: other!.id, coordinatorId: otherCoord.id }),
    canceled: await visit(5, { visitStatus: "canceled", statusReason: "Alice moved" }),
    tooFar: await visit(120),
    tooOld: await visit(-45),
    retired: await visit(6, { retiredAt: new Date(), retiredById: f.users.coordA.id, retireReason: "Booked in error" }),
    siteB: await visit(3, {}, "B"),
    taskMine: (await insertTask({ dueAt: at(1), priority: "urgent" })).id,
    taskCoordinators: (await insertTask({ dueAt: at(2), assigneeRole: "coordinator", entity: "study", entityId: f.studyA.id, subjectId: null })).id,
    taskInvestigators: (await insertTask({ dueAt: at(2), assigneeRole: "investigator", entity: "adverse_event" })).id,
    taskDone: (await insertTask({ dueAt: at(1), status: "done", closedAt: new Date() })).id,
    taskColleague: (await insertTask({ dueAt: at(1), assigneeId: otherCoord.id })).id,
  };
  coordFile = feedFileName((await regenerateFeed(await f.actor(f.users.coordA.id))).id);
});

describe("a calendar feed", () => {
  it("holds a coordinator's own visits and open tasks in the window, codes only, with stable UIDs and UTC times", async () => {
    const { text, events } = await read(coordFile);
    expect(events.map((e) => e.uid).sort()).toEqual(
      [`visit-${ids.mine}@trialdesk`, `visit-${ids.minePast}@trialdesk`, `task-${ids.taskMine}@trialdesk`, `task-${ids.taskCoordinators}@trialdesk`].sort(),
    );
    const baseline = events.find((e) => e.uid === `visit-${ids.mine}@trialdesk`)!;
    expect(baseline.summary).toBe("Baseline visit · A-01");
    expect(baseline.description).toContain(`/visits/${ids.mine}`);
    expect(baseline.start.isDate).toBe(false);
    expect(baseline.start.zone?.tzid).toBe("UTC");
    expect(baseline.end.toJSDate().getTime() - baseline.start.toJSDate().getTime()).toBe(3_600_000);
    expect(events.find((e) => e.uid === `visit-${ids.minePast}@trialdesk`)!.summary).toBe("Treatment visit · A-01 (completed)");
    expect(events.find((e) => e.uid === `task-${ids.taskMine}@trialdesk`)!.summary).toBe("Task due · A-01 (urgent)");
    expect(events.find((e) => e.uid === `task-${ids.taskCoordinators}@trialdesk`)!.summary).toBe("Task due · A-001");
    for (const word of FREE_TEXT) expect(text, word).not.toContain(word);

    // The same feed read again: the same UIDs (a client updates rather than duplicates).
    expect((await read(coordFile)).events.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  });

  it("holds an investigator's site's visits and the tasks for investigators", async () => {
    const file = feedFileName((await regenerateFeed(await f.actor(f.users.invA.id))).id);
    const { text, events } = await read(file);
    expect(events.map((e) => e.uid).sort()).toEqual(
      [ids.mine, ids.minePast, ids.colleagues].map((id) => `visit-${id}@trialdesk`).concat(`task-${ids.taskInvestigators}@trialdesk`).sort(),
    );
    expect(events.find((e) => e.uid === `visit-${ids.colleagues}@trialdesk`)!.summary).toBe("Treatment visit · A-02");
    for (const word of FREE_TEXT) expect(text, word).not.toContain(word);
  });

  it("opens only with the server's signature for that very feed", async () => {
    const bFile = feedFileName((await regenerateFeed(await f.actor(f.users.coordB.id))).id);
    const [aId, aSig] = coordFile.split(".");
    const [bId, bSig] = bFile.split(".");
    const flipped = aSig!.slice(0, -1) + (aSig!.endsWith("A") ? "B" : "A");
    for (const name of [
      `${aId}.${flipped}.ics`,
      `${bId}.${aSig}.ics`, // someone else's feed with my signature
      `${aId}.${bSig}.ics`,
      `${aId}.ics`,
      `${aId}.${aSig}`,
      `${aId!.toUpperCase()}.${aSig}.ics`,
      "../../etc/passwd",
      `00000000-0000-4000-8000-000000000000.${aSig}.ics`,
    ]) {
      const response = await get(name);
      expect(response.status, name).toBe(404);
      expect(await response.text()).toBe("Not found\n");
    }
    expect((await get(bFile)).status).toBe(200);
  });

  it("stops at once when regenerated or revoked, and for an account no longer active; each step audited", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const first = await currentFeed(coord);
    expect(feedFileName(first!.id)).toBe(coordFile);
    const second = await regenerateFeed(coord);
    expect((await get(coordFile)).status).toBe(404);
    const secondFile = feedFileName(second.id);
    expect((await get(secondFile)).status).toBe(200);
    expect((await currentFeed(coord))!.id).toBe(second.id);

    expect(await revokeFeed(coord)).toEqual({ revoked: true });
    expect((await get(secondFile)).status).toBe(404);
    expect(await currentFeed(coord)).toBeNull();
    expect(await revokeFeed(coord)).toEqual({ revoked: false });

    expect((await auditOf("calendar_feed", first!.id)).map((a) => [a.action, a.actorId])).toEqual([["create", coord.id]]);
    const secondAudit = await auditOf("calendar_feed", second.id);
    expect(secondAudit.map((a) => [a.action, a.actorId, a.changes])).toEqual([
      ["regenerate", coord.id, { replaces: [first!.id, null] }],
      ["revoke", coord.id, {}],
    ]);

    // A disabled account's feed stops too, and comes back only if the account does.
    const third = feedFileName((await regenerateFeed(coord)).id);
    const db = await getDb();
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, coord.id));
    expect((await get(third)).status).toBe(404);
    await db.update(users).set({ status: "active" }).where(eq(users.id, coord.id));
    expect((await get(third)).status).toBe(200);
  });

  it("is for site staff: sponsors and administrators have no calendar to subscribe to", async () => {
    for (const user of [f.users.sponsor, f.users.admin]) {
      await expect(regenerateFeed(await f.actor(user.id))).rejects.toBeInstanceOf(ForbiddenError);
      expect(await currentFeed(await f.actor(user.id))).toBeNull();
    }
  });
});
