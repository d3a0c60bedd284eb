/**
 * Small, explicit fixtures for integration tests: two sites with a coordinator and an
 * investigator each, a sponsor, an admin, a study per site and a subject in each.
 * Written straight into the database (the lib functions under test are not used to build them).
 */
import { beforeAll } from "vitest";
import { getDb } from "@/db";
import { sites, studies, studySponsorAccess, subjects, users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { withTestDb } from "./db";
import { loadActorById } from "./load-actor";
import { hashPassword } from "@/lib/password";

export const FIXTURE_PASSWORD = "fixture-password-123";

let passwordHash: Promise<string> | undefined;

export async function makeUser(
  username: string,
  role: Role,
  siteId: string | null,
  status: "pending" | "active" | "disabled" = "active",
) {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ username, email: `${username}@example.org`, displayName: `${username} Person`, role, siteId, status, password: await passwordHash })
    .returning();
  return user!;
}

export async function twoSites() {
  const db = await getDb();
  const [siteA, siteB] = await db
    .insert(sites)
    .values([
      { name: "Site A", timezone: "America/New_York" },
      { name: "Site B", timezone: "Europe/London" },
    ])
    .returning();
  const coordA = await makeUser("coord_a", "coordinator", siteA!.id);
  const invA = await makeUser("inv_a", "investigator", siteA!.id);
  const coordB = await makeUser("coord_b", "coordinator", siteB!.id);
  const invB = await makeUser("inv_b", "investigator", siteB!.id);
  const sponsor = await makeUser("sponsor_x", "sponsor", null);
  const admin = await makeUser("admin_x", "admin", null);
  const [studyA, studyB] = await db
    .insert(studies)
    .values([
      { protocolId: "A-001", title: "Study A", status: "recruiting", principalInvestigatorId: invA.id, siteId: siteA!.id },
      { protocolId: "B-001", title: "Study B", status: "recruiting", principalInvestigatorId: invB.id, siteId: siteB!.id },
    ])
    .returning();
  await db.insert(studySponsorAccess).values({ studyId: studyA!.id, userId: sponsor.id });
  const [subjectA, subjectB] = await db
    .insert(subjects)
    .values([
      { siteId: siteA!.id, studyId: studyA!.id, subjectId: "A-01", fullName: "Alice Anders", coordinatorId: coordA.id, dob: "1970-05-02" },
      { siteId: siteB!.id, studyId: studyB!.id, subjectId: "B-01", fullName: "Bob Brown", coordinatorId: coordB.id, dob: "1980-01-01" },
    ])
    .returning();
  return {
    siteA: siteA!,
    siteB: siteB!,
    studyA: studyA!,
    studyB: studyB!,
    subjectA: subjectA!,
    subjectB: subjectB!,
    users: { coordA, invA, coordB, invB, sponsor, admin },
    actor: (id: string): Promise<Actor> => loadActorById(id),
  };
}

export type TwoSites = Awaited<ReturnType<typeof twoSites>>;

/**
 * For a test file: its own migrated database (withTestDb) holding the two-site fixture, written once
 * before the file's tests run. The object returned is filled in then, so the tests read `f.siteA`.
 */
export function withTwoSites(): TwoSites {
  withTestDb();
  const f = {} as TwoSites;
  beforeAll(async () => {
    Object.assign(f, await twoSites());
  });
  return f;
}
