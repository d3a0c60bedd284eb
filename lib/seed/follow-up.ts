/**
 * The demo's follow-up (issue 11): open, overdue, done and dismissed tasks and a few unread
 * notifications for coordinator1 and investigator1, about real demo records, so the task list, the
 * dashboard card, the timeline and the bell have something to show on first sign-in. Written
 * straight into the tables like the rest of the seed (one audit row for the whole seed).
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { adverseEvents, notifications, sites, subjects, tasks, users } from "@/db/schema";
import { addDaysIso } from "../dates";
import { atSiteTime, siteDate } from "../rules/site-time";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedFollowUp(db: DbOrTx, now: Date): Promise<{ tasks: number; notifications: number }> {
  const people = await db.select().from(users).where(inArray(users.username, ["coordinator1", "investigator1"]));
  const coord = people.find((u) => u.username === "coordinator1");
  const inv = people.find((u) => u.username === "investigator1");
  if (!coord?.siteId || !inv) return { tasks: 0, notifications: 0 };
  const siteId = coord.siteId;
  const [someSubjects, [sae], [site]] = await Promise.all([
    db.select().from(subjects).where(and(eq(subjects.siteId, siteId), eq(subjects.status, "enrolled"))).orderBy(asc(subjects.subjectId)).limit(5),
    db
      .select({ id: adverseEvents.id, subjectId: adverseEvents.subjectId, code: subjects.subjectId })
      .from(adverseEvents)
      .innerJoin(subjects, eq(subjects.id, adverseEvents.subjectId))
      .where(and(eq(adverseEvents.siteId, siteId), eq(adverseEvents.serious, true)))
      .orderBy(desc(adverseEvents.awareAt))
      .limit(1),
    db.select({ timezone: sites.timezone }).from(sites).where(eq(sites.id, siteId)),
  ]);
  if (someSubjects.length < 5) return { tasks: 0, notifications: 0 };
  type Row = (typeof someSubjects)[number];
  const [s1, s2, s3, s4, s5] = someSubjects as [Row, Row, Row, Row, Row];
  const about = (s: typeof s1) => ({ siteId, studyId: s.studyId, subjectId: s.id, entity: "subject" as const, entityId: s.id, source: "person" as const });
  const at = (ms: number) => new Date(now.getTime() + ms);
  // Due at 17:00 site time, `days` from today: what a person would pick.
  const zone = site?.timezone ?? "UTC";
  const due = (days: number) => atSiteTime(addDaysIso(siteDate(now, zone), days), "17:00", zone);
  const taskRows: (typeof tasks.$inferInsert)[] = [
    { ...about(s1), title: "Call about fasting before the next visit", dueAt: due(2), assigneeId: coord.id, createdById: inv.id },
    { ...about(s2), title: "Send the updated consent form (v4)", dueAt: due(-1), priority: "high", assigneeId: coord.id, createdById: inv.id },
    {
      ...about(s3),
      title: "File the lab report in the subject binder",
      dueAt: due(-2),
      assigneeId: coord.id,
      createdById: coord.id,
      status: "done",
      closedAt: at(-DAY),
      closedById: coord.id,
    },
    { ...about(s1), title: "Review the ECG findings", details: "QTc flagged by the core lab.", dueAt: due(1), priority: "high", assigneeId: inv.id, createdById: coord.id },
    { ...about(s4), title: "Countersign the screening notes", dueAt: due(-2), assigneeId: inv.id, createdById: coord.id },
    { ...about(s5), title: "Check the dosing diary at the next visit", dueAt: due(5), priority: "low", assigneeRole: "coordinator", createdById: inv.id },
    {
      ...about(s5),
      title: "Review the hematology results",
      dueAt: due(-3),
      assigneeId: inv.id,
      createdById: coord.id,
      status: "dismissed",
      dismissReason: "Duplicate of the ECG review task",
      closedAt: at(-2 * DAY),
      closedById: inv.id,
    },
  ];
  await db.insert(tasks).values(taskRows);

  const note = (userId: string, n: Partial<typeof notifications.$inferInsert> & Pick<typeof notifications.$inferInsert, "title" | "body" | "link" | "entity" | "entityId" | "rule" | "category">) => ({
    userId,
    siteId,
    causeKey: `demo:${n.rule}:${n.entityId}`,
    ...n,
  });
  /** "Task assigned to you", as the task.assigned rule words it, about a subject. */
  const assigned = (userId: string, s: Row, due: string, hoursAgo: number, readHoursAgo?: number) =>
    note(userId, {
      rule: "task.assigned",
      category: "tasks",
      title: `Task assigned to you: subject ${s.subjectId}`,
      body: `A task at Riverside Clinical Research is now yours, due ${due}.`,
      link: `/subjects/${s.id}`,
      entity: "subject",
      entityId: s.id,
      subjectId: s.id,
      createdAt: at(-hoursAgo * HOUR),
      readAt: readHoursAgo === undefined ? null : at(-readHoursAgo * HOUR),
    });
  const rows = [
    assigned(coord.id, s2, "yesterday", 30),
    assigned(coord.id, s1, "in two days", 3),
    assigned(inv.id, s1, "tomorrow", 26, 25),
    note(inv.id, {
      rule: "screening.awaiting-sign-off",
      category: "screening",
      title: `Eligibility sign-off waiting: subject ${s4.subjectId}`,
      body: "A passed screening at Riverside Clinical Research has waited two days for an investigator to confirm eligibility.",
      link: "/safety/eligibility",
      entity: "subject",
      entityId: s4.id,
      subjectId: s4.id,
      createdAt: at(-5 * HOUR),
    }),
  ];
  if (sae) {
    rows.push(
      note(inv.id, {
        rule: "sae.reported",
        category: "safety",
        title: `Serious adverse event reported: subject ${sae.code}`,
        body: "Reported at Riverside Clinical Research. Assess it and notify the sponsor within 24 hours of awareness.",
        link: `/adverse-events/${sae.id}`,
        entity: "adverse_event",
        entityId: sae.id,
        subjectId: sae.subjectId,
        createdAt: at(-2 * HOUR),
      }),
    );
  }
  await db.insert(notifications).values(rows);
  return { tasks: taskRows.length, notifications: rows.length };
}
