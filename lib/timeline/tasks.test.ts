import { describe, expect, it } from "vitest";
import { countQueries } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { insertTask } from "@/tests/fixtures-tasks";
import { makeVisit } from "@/tests/fixtures-visits";
import { getSubjectTimeline } from "./subject-timeline";
import { subjectTaskTargets } from "./task-targets";

const f = withTwoSites();

describe("a subject's tasks on its timeline", () => {
  it("lists the open ones beside the timeline and puts each closed one in it at the time it was closed", async () => {
    const closedAt = new Date("2024-06-01T12:00:00Z");
    const open = await insertTask(f, { title: "Call about the diary" });
    const done = await insertTask(f, { title: "File the consent copy", status: "done", closedAt, closedById: f.users.invA.id });
    const dismissed = await insertTask(f, { title: "Chase the GP letter", status: "dismissed", dismissReason: "Arrived by post", closedAt, closedById: f.users.coordA.id });
    await insertTask(f, { title: "Site B task" }, "B");

    const coord = await f.actor(f.users.coordA.id);
    const { openTasks, entries } = await getSubjectTimeline(coord, f.subjectA.id);
    expect(openTasks.map((t) => t.id)).toEqual([open.id]);
    const tasks = entries.filter((e) => e.kind === "task");
    expect(tasks.map((e) => e.kind === "task" && e.record.id).sort()).toEqual([done.id, dismissed.id].sort());
    expect(tasks[0]!.at).toEqual(closedAt);
    const doneEntry = tasks.find((e) => e.kind === "task" && e.record.id === done.id);
    expect(doneEntry?.kind === "task" && doneEntry.record).toMatchObject({ status: "done", closedByName: "inv_a Person", assigneeName: "coord_a Person" });

    // A sponsor reads the timeline but never its tasks — and the query count does not depend on them.
    const sponsor = await f.actor(f.users.sponsor.id);
    const forSponsor = await countQueries(() => getSubjectTimeline(sponsor, f.subjectA.id));
    expect(forSponsor.result.openTasks).toEqual([]);
    expect(forSponsor.result.entries.some((e) => e.kind === "task")).toBe(false);
    const forStaff = await countQueries(() => getSubjectTimeline(coord, f.subjectA.id));
    expect(forStaff.queries).toBe(forSponsor.queries + 1);
  });

  it("offers the subject and its records in use as what a new task may be about", async () => {
    const visit = await makeVisit(f, { scheduledAt: new Date("2030-01-02T15:00:00Z") });
    await makeVisit(f, { scheduledAt: new Date("2030-01-03T15:00:00Z"), retiredAt: new Date(), retireReason: "Duplicate", retiredById: f.users.coordA.id });
    const { subject, entries } = await getSubjectTimeline(await f.actor(f.users.coordA.id), f.subjectA.id);
    const targets = subjectTaskTargets(subject, entries, "America/New_York");
    expect(targets.map((t) => t.value)).toEqual([`subject:${f.subjectA.id}`, `visit:${visit.id}`]);
    expect(targets[1]!.label).toMatch(/^Visit: treatment · 02 Jan 2030, 10:00/);
  });
});
