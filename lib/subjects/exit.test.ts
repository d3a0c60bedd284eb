import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, visits } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { addSubject } from "@/tests/fixtures-screening";
import { counts } from "@/tests/fixtures-subjects";
import { makeVisit } from "@/tests/fixtures-visits";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { completeSubject, markLostToFollowUp } from "./exit";

const f = withTwoSites();

const day = 86_400_000;
const enrolled = (site: "A" | "B" = "A") =>
  addSubject(f, site, { screeningStatus: "passed", status: "enrolled", enrolledAt: new Date(Date.now() - 60 * day) });

describe("completing a subject and losing one to follow-up", () => {
  it("completes with the date and reason and cancels only future scheduled visits, each audited", async () => {
    const subject = await enrolled();
    const future = await makeVisit(f, { subjectId: subject.id, scheduledAt: new Date(Date.now() + 5 * day) });
    const past = await makeVisit(f, { subjectId: subject.id, scheduledAt: new Date(Date.now() - 2 * day) });
    const coord = await f.actor(f.users.coordA.id);
    const yesterday = new Date(Date.now() - day).toISOString().slice(0, 10);
    const { subject: after, canceledVisits } = await completeSubject(coord, { id: subject.id, version: 1, exitDate: yesterday, reason: "Last protocol visit done" });
    expect(after).toMatchObject({ status: "completed", exitDate: yesterday, exitReason: "Last protocol visit done", version: 2 });
    expect(canceledVisits.map((v) => v.id)).toEqual([future.id]);
    const db = await testDb();
    const [canceled] = await db.select().from(visits).where(eq(visits.id, future.id));
    expect(canceled).toMatchObject({ visitStatus: "canceled", statusReason: "Subject completed the study: Last protocol visit done" });
    expect((await db.select().from(visits).where(eq(visits.id, past.id)))[0]).toMatchObject({ visitStatus: "scheduled" });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, subject.id));
    expect(audit.map((a) => [a.action, a.reason])).toEqual([["complete", "Last protocol visit done"]]);
    expect(audit[0]!.changes).toMatchObject({ status: ["enrolled", "completed"], exitDate: [null, yesterday] });
  });

  it("marks lost to follow-up on today's site date by default", async () => {
    const subject = await enrolled();
    const inv = await f.actor(f.users.invA.id);
    const { subject: after } = await markLostToFollowUp(inv, { id: subject.id, version: 1, reason: "Three calls unanswered" });
    expect(after).toMatchObject({ status: "lost_to_follow_up", exitReason: "Three calls unanswered" });
    expect(after.exitDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("refuses a subject not enrolled, a future date, a missing reason and a stale version — writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const subject = await enrolled();
    const before = await counts();
    await expect(completeSubject(coord, { id: f.subjectA.id, version: 1, reason: "x" })).rejects.toThrow(/Only an enrolled subject/);
    const future = await completeSubject(coord, { id: subject.id, version: 1, exitDate: "2999-01-01", reason: "x" }).catch((e) => e);
    expect(future).toBeInstanceOf(ValidationError);
    expect(Object.keys(future.fieldErrors)).toEqual(["exitDate"]);
    const noReason = await markLostToFollowUp(coord, { id: subject.id, version: 1, reason: "" }).catch((e) => e);
    expect(Object.keys(noReason.fieldErrors)).toEqual(["reason"]);
    await expect(completeSubject(coord, { id: subject.id, version: 7, reason: "x" })).rejects.toBeInstanceOf(ConflictError);
    expect(await counts()).toEqual(before);
  });

  it("answers 'not found' to another site and refuses sponsors and admins before reading their input", async () => {
    const subject = await enrolled("B");
    const input = { id: subject.id, version: 1, reason: "No" };
    await expect(completeSubject(await f.actor(f.users.coordA.id), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(completeSubject(await f.actor(f.users.sponsor.id), {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markLostToFollowUp(await f.actor(f.users.admin.id), {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
