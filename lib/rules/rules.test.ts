/**
 * Each rule of lib/rules/table.ts on a real database: who is told, what task is left, which email
 * is queued — and that a cause fires once, however often the change or the scheduler comes back.
 */
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { adverseEvents, emailOutbox, notificationPreferences, notifications, ruleFirings, screenings, tasks, users } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { makeUser, twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe, seriousAeForm, signAe } from "@/tests/fixtures-aes";
import { addScreening } from "@/tests/fixtures-screening";
import { makeVisit } from "@/tests/fixtures-visits";
import { reportAdverseEvent } from "../adverse-events/report";
import { updateAdverseEvent } from "../adverse-events/update";
import { signUp } from "../users/signup";
import { write } from "../write/road";
import { runDueRules } from "./scheduler";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

const HOUR = 3_600_000;

async function told(rule: string, entityId?: string) {
  const db = await getDb();
  const rows = await db
    .select({ userId: notifications.userId, title: notifications.title, body: notifications.body, link: notifications.link, id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.rule, rule), entityId ? eq(notifications.entityId, entityId) : undefined));
  return rows;
}
const whom = async (rule: string, entityId?: string) => (await told(rule, entityId)).map((r) => r.userId).sort();
const ids = (...list: { id: string }[]) => list.map((u) => u.id).sort();
async function tasksFor(entityId: string) {
  const db = await getDb();
  return db.select().from(tasks).where(eq(tasks.entityId, entityId));
}
async function outboxFor(notificationIds: string[]) {
  const db = await getDb();
  const rows = await db.select().from(emailOutbox);
  return rows.filter((r) => r.notificationId && notificationIds.includes(r.notificationId));
}

const seriousInput = () => seriousAeForm(f);

describe("sae.reported", () => {
  it("tells the site's investigators and the PI at once, queues their email and leaves the PI 'Assess SAE' due 24 h after awareness", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const ae = await reportAdverseEvent(coord, seriousInput());
    const notes = await told("sae.reported", ae.id);
    // invA is both a site investigator and the PI: told once. The reporter is not told; site B hears nothing.
    expect(notes.map((n) => n.userId)).toEqual([f.users.invA.id]);
    expect(notes[0]!.title).toBe("Serious adverse event reported: subject A-01");
    expect(notes[0]!.link).toBe(`/adverse-events/${ae.id}`);
    expect(JSON.stringify(notes)).not.toMatch(/Alice|Anders|Pneumonia/);
    const [task] = await tasksFor(ae.id);
    expect(task).toMatchObject({ title: "Assess SAE", assigneeId: f.users.invA.id, source: "rule", status: "open", priority: "urgent", entity: "adverse_event" });
    expect(task!.dueAt.toISOString()).toBe(new Date(ae.awareAt.getTime() + 24 * HOUR).toISOString());
    const mail = await outboxFor(notes.map((n) => n.id));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ toAddress: "inv_a@example.org", status: "pending" });
    expect(mail[0]!.textBody).toContain(`/adverse-events/${ae.id}`);
    expect(mail[0]!.textBody + mail[0]!.htmlBody).not.toMatch(/Alice|Anders|Pneumonia|1970/);
  });

  it("fires once per AE: editing it again, or making a non-serious AE serious later, does not repeat", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const ae = await reportAdverseEvent(coord, { ...seriousInput(), serious: "", seriousnessCriteria: [] });
    expect(await told("sae.reported", ae.id)).toHaveLength(0);
    const serious = await updateAdverseEvent(coord, { id: ae.id, version: ae.version, reason: "Hospitalised", serious: "on", seriousnessCriteria: ["hospitalization"] });
    expect(await whom("sae.reported", ae.id)).toEqual([f.users.invA.id]);
    await updateAdverseEvent(coord, { id: ae.id, version: serious.version, grade: "4", reason: "Worse" });
    expect(await whom("sae.reported", ae.id)).toEqual([f.users.invA.id]);
    expect(await tasksFor(ae.id)).toHaveLength(1);
  });
});

describe("the SAE sponsor clock (scheduler)", () => {
  it("escalates at 12 h and 20 h to the PI and coordinators, at 24 h to admins too — once each, and not once the sponsor is notified", async () => {
    const aware = new Date("2026-06-01T08:00:00Z");
    const ae = await insertAe(f, { serious: true, seriousnessCriteria: ["hospitalization"], awareAt: aware });
    const at = (h: number) => new Date(aware.getTime() + h * HOUR);
    await runDueRules(at(11.9));
    expect(await told("sae.unnotified-12h", ae.id)).toHaveLength(0);
    await runDueRules(at(12));
    await runDueRules(at(12.5));
    expect(await whom("sae.unnotified-12h", ae.id)).toEqual(ids(f.users.invA, f.users.coordA));
    await runDueRules(at(20.1));
    expect(await whom("sae.unnotified-20h", ae.id)).toEqual(ids(f.users.invA, f.users.coordA));
    expect((await told("sae.unnotified-20h", ae.id))[0]!.title).toBe("SAE sponsor clock: 4 hours left for subject A-01");
    await runDueRules(at(24));
    expect(await whom("sae.unnotified-24h", ae.id)).toEqual(ids(f.users.invA, f.users.coordA, f.users.admin));

    const notified = await insertAe(f, { serious: true, seriousnessCriteria: ["death"], awareAt: aware, sponsorNotifiedAt: at(2) });
    await runDueRules(at(25));
    expect(await told("sae.unnotified-24h", notified.id)).toHaveLength(0);
  });

  it("two schedulers at the same instant fire each firing once", async () => {
    const aware = new Date("2026-07-01T08:00:00Z");
    const ae = await insertAe(f, { serious: true, seriousnessCriteria: ["hospitalization"], awareAt: aware });
    const at = new Date(aware.getTime() + 12 * HOUR + 60_000);
    const [a, b] = await Promise.all([runDueRules(at), runDueRules(at)]);
    expect(await whom("sae.unnotified-12h", ae.id)).toEqual(ids(f.users.invA, f.users.coordA));
    expect(a + b).toBeGreaterThanOrEqual(1);
    const db = await getDb();
    expect(await db.select().from(ruleFirings).where(eq(ruleFirings.key, `sae.unnotified-12h:${ae.id}`))).toHaveLength(1);
  });

  it("lets a stale step go: a restart 30 h after awareness raises the 24 h alarm only", async () => {
    const aware = new Date("2026-08-01T08:00:00Z");
    const ae = await insertAe(f, { serious: true, seriousnessCriteria: ["hospitalization"], awareAt: aware });
    await runDueRules(new Date(aware.getTime() + 30 * HOUR));
    expect(await told("sae.unnotified-12h", ae.id)).toHaveLength(0);
    expect(await told("sae.unnotified-20h", ae.id)).toHaveLength(0);
    expect(await told("sae.unnotified-24h", ae.id)).toHaveLength(3);
  });
});

describe("signature.voided", () => {
  it("leaves the signer a task to re-review when a change voids their signature", async () => {
    const ae = await insertAe(f, { severity: "mild" });
    await signAe(ae, f.users.invA.id);
    const coord = await f.actor(f.users.coordA.id);
    await updateAdverseEvent(coord, { id: ae.id, version: ae.version, severity: "moderate", grade: "2", reason: "Corrected severity" });
    expect(await whom("signature.voided", ae.id)).toEqual([f.users.invA.id]);
    const [task] = await tasksFor(ae.id);
    expect(task).toMatchObject({ title: "Re-review and sign", assigneeId: f.users.invA.id, priority: "high", source: "rule" });
  });
});

describe("visit reminders at 07:00 site time, across DST", () => {
  // New York springs forward on 2026-03-08; London on 2026-03-29. Both visits are on a Monday.
  it("New York: Friday 07:00 EST (12:00Z) for a Monday visit after the change, and 07:00 EDT (11:00Z) on the day", async () => {
    const visit = await makeVisit(f, { scheduledAt: new Date("2026-03-09T14:00:00Z") }); // 10:00 EDT
    await runDueRules(new Date("2026-03-06T11:59:00Z"));
    expect(await told("visit.reminder-before", visit.id)).toHaveLength(0);
    await runDueRules(new Date("2026-03-06T12:00:00Z"));
    expect(await whom("visit.reminder-before", visit.id)).toEqual([f.users.coordA.id]);
    await runDueRules(new Date("2026-03-09T10:59:00Z"));
    expect(await told("visit.reminder-day-of", visit.id)).toHaveLength(0);
    await runDueRules(new Date("2026-03-09T11:00:00Z"));
    await runDueRules(new Date("2026-03-09T11:01:00Z"));
    expect(await whom("visit.reminder-day-of", visit.id)).toEqual([f.users.coordA.id]);
    expect(await whom("visit.reminder-before", visit.id)).toEqual([f.users.coordA.id]);
  });

  it("London: Friday 07:00 GMT (07:00Z) for a Monday visit after the change, 07:00 BST (06:00Z) on the day", async () => {
    const visit = await makeVisit(f, { scheduledAt: new Date("2026-03-30T09:00:00Z") }, "B"); // 10:00 BST
    await runDueRules(new Date("2026-03-27T06:59:00Z"));
    expect(await told("visit.reminder-before", visit.id)).toHaveLength(0);
    await runDueRules(new Date("2026-03-27T07:00:00Z"));
    expect(await whom("visit.reminder-before", visit.id)).toEqual([f.users.coordB.id]);
    await runDueRules(new Date("2026-03-30T05:59:00Z"));
    expect(await told("visit.reminder-day-of", visit.id)).toHaveLength(0);
    await runDueRules(new Date("2026-03-30T06:00:00Z"));
    expect(await whom("visit.reminder-day-of", visit.id)).toEqual([f.users.coordB.id]);
  });

  it("fall back: London's Monday visit after 2026-10-25 is reminded at 07:00 GMT, an hour later in UTC than the BST Friday before", async () => {
    const visit = await makeVisit(f, { scheduledAt: new Date("2026-10-26T10:00:00Z") }, "B");
    await runDueRules(new Date("2026-10-23T05:59:00Z"));
    expect(await told("visit.reminder-before", visit.id)).toHaveLength(0);
    await runDueRules(new Date("2026-10-23T06:00:00Z")); // Friday 07:00 BST
    expect(await whom("visit.reminder-before", visit.id)).toEqual([f.users.coordB.id]);
    await runDueRules(new Date("2026-10-26T06:30:00Z"));
    expect(await told("visit.reminder-day-of", visit.id)).toHaveLength(0);
    await runDueRules(new Date("2026-10-26T07:00:00Z")); // Monday 07:00 GMT
    expect(await whom("visit.reminder-day-of", visit.id)).toEqual([f.users.coordB.id]);
  });
});

describe("visit windows", () => {
  it("alerts the coordinator from 07:00 two days before the window closes, once", async () => {
    const visit = await makeVisit(f, { scheduledAt: new Date("2026-05-04T14:00:00Z"), windowStart: "2026-05-01", windowEnd: "2026-05-08" });
    await runDueRules(new Date("2026-05-06T10:59:00Z"));
    expect(await told("visit.window-closing", visit.id)).toHaveLength(0);
    await runDueRules(new Date("2026-05-06T11:00:00Z")); // 07:00 EDT
    await runDueRules(new Date("2026-05-07T11:00:00Z"));
    expect(await whom("visit.window-closing", visit.id)).toEqual([f.users.coordA.id]);
  });

  it("a visit still scheduled after its window gets a 'Reschedule or record as missed' task for its coordinator", async () => {
    const visit = await makeVisit(f, { scheduledAt: new Date("2026-09-02T14:00:00Z"), windowStart: "2026-09-01", windowEnd: "2026-09-03" });
    await runDueRules(new Date("2026-09-04T10:00:00Z"));
    expect(await tasksFor(visit.id)).toHaveLength(0);
    await runDueRules(new Date("2026-09-04T11:00:00Z"));
    await runDueRules(new Date("2026-09-05T11:00:00Z"));
    const list = await tasksFor(visit.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: "Reschedule or record as missed", assigneeId: f.users.coordA.id, entity: "visit" });
    expect(list[0]!.dueAt.toISOString()).toBe("2026-09-04T21:00:00.000Z"); // 17:00 EDT
    expect(await whom("visit.overdue", visit.id)).toEqual([f.users.coordA.id]);
  });

  it("a completed visit is neither reminded nor overdue", async () => {
    const visit = await makeVisit(f, { scheduledAt: new Date("2026-09-09T14:00:00Z"), visitStatus: "completed", completedAt: new Date("2026-09-09T14:00:00Z") });
    await runDueRules(new Date("2026-09-11T12:00:00Z"));
    expect(await told("visit.overdue", visit.id)).toHaveLength(0);
    expect(await tasksFor(visit.id)).toHaveLength(0);
  });
});

describe("screening.awaiting-sign-off", () => {
  it("alerts the site's investigators two days after a screening passed without sign-off", async () => {
    const passed = new Date("2026-04-01T12:00:00Z");
    const screening = await addScreening(f.subjectA, f.users.coordA.id, { screeningStatus: "passed", updatedAt: passed });
    await runDueRules(new Date(passed.getTime() + 47 * HOUR));
    expect(await told("screening.awaiting-sign-off", screening.id)).toHaveLength(0);
    await runDueRules(new Date(passed.getTime() + 48 * HOUR));
    expect(await whom("screening.awaiting-sign-off", screening.id)).toEqual([f.users.invA.id]);
    const db = await getDb();
    const [s] = await db.select().from(screenings).where(eq(screenings.id, screening.id));
    expect(s!.screeningStatus).toBe("passed");
  });
});

describe("user.sign-up", () => {
  it("tells every active admin that a sign-up waits, and nobody else", async () => {
    const second = await makeUser("admin_y", "admin", null);
    await makeUser("admin_off", "admin", null, "disabled");
    const password = "a long enough password";
    await signUp({ username: "newperson", email: "newperson@example.org", displayName: "New Person", role: "coordinator", password, confirmPassword: password }, null);
    const db = await getDb();
    const [pending] = await db.select().from(users).where(eq(users.username, "newperson"));
    expect(await whom("user.sign-up", pending!.id)).toEqual(ids(f.users.admin, second));
    expect((await told("user.sign-up", pending!.id))[0]!.title).toBe("Sign-up waiting for approval: newperson");
  });
});

describe("task.assigned and preferences", () => {
  it("tells the assignee of a person's task by their chosen delivery; self-assignment tells nobody", async () => {
    const db = await getDb();
    await db.insert(notificationPreferences).values({ userId: f.users.invA.id, category: "tasks", delivery: "in_app" });
    const coord = await f.actor(f.users.coordA.id);
    const base = { siteId: f.siteA.id, studyId: f.studyA.id, subjectId: f.subjectA.id, entity: "subject" as const, entityId: f.subjectA.id, dueAt: new Date("2026-12-10T15:00:00Z"), source: "person" as const, createdById: coord.id };
    const toInv = await write(coord, "task.create", (w) => w.insert("task", { ...base, title: "Call the pharmacy", assigneeId: f.users.invA.id }));
    const toSelf = await write(coord, "task.create", (w) => w.insert("task", { ...base, title: "Chase labs", assigneeId: coord.id }));
    const [note] = await told("task.assigned", toInv.id);
    expect(note).toMatchObject({ userId: f.users.invA.id, title: "Task assigned to you: subject A-01" });
    expect(note!.body).not.toContain("pharmacy");
    expect(await outboxFor([note!.id])).toHaveLength(0); // invA chose in-app only for tasks
    expect(await told("task.assigned", toSelf.id)).toHaveLength(0);
  });

  it("investigators cannot quieten safety email: a stored 'in_app' for safety still queues it", async () => {
    const db = await getDb();
    await db.insert(notificationPreferences).values({ userId: f.users.invA.id, category: "safety", delivery: "in_app" });
    const coord = await f.actor(f.users.coordA.id);
    const ae = await reportAdverseEvent(coord, seriousInput());
    const notes = await told("sae.reported", ae.id);
    expect(await outboxFor(notes.map((n) => n.id))).toHaveLength(1);
    const [row] = await db.select().from(adverseEvents).where(like(adverseEvents.eventTerm, "Pneumonia"));
    expect(row).toBeDefined();
  });
});

describe("the daily digest", () => {
  it("sends a person who chose a digest one email at 07:00 site time listing the day's items, once", async () => {
    const db = await getDb();
    await db.insert(notificationPreferences).values({ userId: f.users.coordB.id, category: "visits", delivery: "digest" });
    const visit = await makeVisit(f, { scheduledAt: new Date("2026-11-18T10:00:00Z") }, "B");
    await runDueRules(new Date("2026-11-17T07:00:00Z")); // Tuesday 07:00 GMT: the reminder, then the digest's hour
    await runDueRules(new Date("2026-11-17T07:05:00Z"));
    const [note] = await told("visit.reminder-before", visit.id);
    expect(note!.userId).toBe(f.users.coordB.id);
    expect(await outboxFor([note!.id])).toHaveLength(0); // not at once: in the digest
    const digests = await db.select().from(emailOutbox).where(like(emailOutbox.causeKey, `digest:${f.users.coordB.id}:%`));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.causeKey).toBe(`digest:${f.users.coordB.id}:2026-11-17`);
    expect(digests[0]!.textBody).toContain("Visit coming up: subject B-01");
    expect(digests[0]!.textBody).toContain(`/visits/${visit.id}`);
  });
});
