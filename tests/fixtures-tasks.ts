/**
 * Task fixtures on top of twoSites(): tasks written straight into the database (not through the
 * lib functions under test), and the row counts a refused task write must leave unchanged.
 */
import { getDb } from "@/db";
import { auditEvents, tasks, type Task } from "@/db/schema";
import type { TwoSites } from "./fixtures";
import { countRows } from "./fixtures-screening";

/** An open task about subject A (site A), for coordinator A, due `dueAt` — or about site B's subject with `site: "B"`. */
export async function insertTask(f: TwoSites, values: Partial<typeof tasks.$inferInsert> = {}, site: "A" | "B" = "A"): Promise<Task> {
  const subject = site === "A" ? f.subjectA : f.subjectB;
  const db = await getDb();
  const [row] = await db
    .insert(tasks)
    .values({
      siteId: subject.siteId,
      studyId: subject.studyId,
      subjectId: subject.id,
      entity: "subject",
      entityId: subject.id,
      title: "Call about the diary",
      dueAt: new Date("2030-03-02T14:00:00Z"),
      assigneeId: site === "A" ? f.users.coordA.id : f.users.coordB.id,
      source: "person",
      createdById: site === "A" ? f.users.coordA.id : f.users.coordB.id,
      ...values,
    })
    .returning();
  return row!;
}

/** Tasks and audit rows: what a refused task write must leave as it was. */
export async function taskCounts() {
  return { tasks: await countRows(tasks), audit: await countRows(auditEvents) };
}
