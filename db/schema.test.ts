/** The database itself enforces the data model's rules, whatever code writes to it. */
import { describe, expect, it } from "vitest";
import { adverseEvents, screenings, sites, studies, subjects, users, visits } from "@/db/schema";
import { testDb } from "@/tests/db";
import { makeUser, withTwoSites } from "@/tests/fixtures";

const f = withTwoSites();

/** The PostgreSQL error code (SQLSTATE) a write failed with; Drizzle wraps the driver's error in `cause`. */
async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => "no error",
    (e: unknown) => {
      for (let err = e as { code?: unknown; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
        if (typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) return err.code;
      }
      return undefined;
    },
  );
}

describe("constraints", () => {
  it("keeps usernames and emails unique ignoring case, and site names unique", async () => {
    expect(await code(makeUser("COORD_A", "sponsor", null))).toBe("23505");
    const db = await testDb();
    expect(
      await code(db.insert(users).values({ username: "unique1", email: "COORD_A@example.org", password: "x", role: "sponsor", displayName: "x" })),
    ).toBe("23505");
    expect(await code(db.insert(sites).values({ name: "site a", timezone: "UTC" }))).toBe("23505");
  });

  it("needs a site for an active coordinator or investigator", async () => {
    expect(await code(makeUser("siteless", "investigator", null, "active"))).toBe("23514");
  });

  it("keeps protocol IDs unique per site and subject IDs unique per study", async () => {
    const db = await testDb();
    const dup = { protocolId: "A-001", title: "Dup", status: "recruiting" as const, principalInvestigatorId: f.users.invA.id, siteId: f.siteA.id };
    expect(await code(db.insert(studies).values(dup))).toBe("23505");
    // The same protocol ID at another site is fine.
    expect(await code(db.insert(studies).values({ ...dup, principalInvestigatorId: f.users.invB.id, siteId: f.siteB.id }))).toBe("no error");
    expect(
      await code(
        db.insert(subjects).values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: "A-01", fullName: "Twin", coordinatorId: f.users.coordA.id }),
      ),
    ).toBe("23505");
  });

  it("refuses a principal investigator from another site", async () => {
    const db = await testDb();
    expect(
      await code(db.insert(studies).values({ protocolId: "X", title: "X", status: "recruiting", principalInvestigatorId: f.users.invB.id, siteId: f.siteA.id })),
    ).toBe("23503");
  });

  it("refuses a record whose study differs from its subject's, or whose site differs from its study's", async () => {
    const db = await testDb();
    const base = { screeningStatus: "pending" as const, screeningDate: "2026-01-01", completedById: f.users.coordA.id };
    // subject of study A filed under study B
    expect(await code(db.insert(screenings).values({ ...base, siteId: f.siteB.id, subjectId: f.subjectA.id, studyId: f.studyB.id }))).toBe("23503");
    // right study, wrong site copy
    expect(await code(db.insert(screenings).values({ ...base, siteId: f.siteB.id, subjectId: f.subjectA.id, studyId: f.studyA.id }))).toBe("23503");
    expect(await code(db.insert(screenings).values({ ...base, siteId: f.siteA.id, subjectId: f.subjectA.id, studyId: f.studyA.id }))).toBe("no error");
  });

  it("checks controlled vocabularies and clinical rules", async () => {
    const db = await testDb();
    const ae = {
      siteId: f.siteA.id,
      subjectId: f.subjectA.id,
      studyId: f.studyA.id,
      eventTerm: "Nausea",
      severity: "mild" as const,
      onsetDate: "2026-01-02",
      reportedById: f.users.coordA.id,
      awareAt: new Date(),
    };
    expect(await code(db.insert(adverseEvents).values({ ...ae, serious: true }))).toBe("23514"); // serious needs a criterion
    expect(await code(db.insert(adverseEvents).values({ ...ae, serious: false, seriousnessCriteria: ["death"] }))).toBe("23514");
    expect(await code(db.insert(adverseEvents).values({ ...ae, serious: false, grade: 6 }))).toBe("23514");
    expect(await code(db.insert(adverseEvents).values({ ...ae, serious: false, severity: "catastrophic" as never }))).toBe("22P02");
    expect(await code(db.insert(adverseEvents).values({ ...ae, serious: false, endDate: "2025-12-31" }))).toBe("23514");
    expect(await code(db.insert(adverseEvents).values({ ...ae, serious: true, seriousnessCriteria: ["hospitalization"], grade: 3 }))).toBe("no error");
    const screening = { siteId: f.siteA.id, subjectId: f.subjectA.id, studyId: f.studyA.id, screeningDate: "2026-01-01", completedById: f.users.coordA.id };
    expect(await code(db.insert(screenings).values({ ...screening, screeningStatus: "failed" }))).toBe("23514"); // failed needs a reason
    const visit = { siteId: f.siteA.id, subjectId: f.subjectA.id, studyId: f.studyA.id, visitType: "baseline" as const, scheduledAt: new Date(), coordinatorId: f.users.coordA.id };
    expect(await code(db.insert(visits).values({ ...visit, visitStatus: "canceled" }))).toBe("23514"); // canceled needs a reason
    expect(await code(db.insert(visits).values({ ...visit, windowStart: "2026-02-02", windowEnd: "2026-02-01" }))).toBe("23514");
    expect(await code(db.insert(visits).values({ ...visit, visitType: "party" as never }))).toBe("22P02");
  });
});
