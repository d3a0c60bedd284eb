/**
 * What the authorization matrix tests share (tests/authorization-matrix*.test.ts): the callers —
 * the fixture's four roles at site A plus a pending and a disabled account — the two sites as
 * "own" and "foreign", and the policy's own answer each entry point must give.
 */
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { authorizeAttempt, decide, type Action, type Decision, type Resource } from "@/lib/policy";
import { consentBoth } from "@/tests/fixtures-aes";
import { makeUser, type TwoSites } from "@/tests/fixtures";

export const ROLES = ["admin", "coordinator", "investigator", "sponsor", "pending", "disabled"] as const;
export type Who = (typeof ROLES)[number];
export type Site = "own" | "foreign";

/**
 * Creates the pending and disabled callers and gives every caller a credential (a token, a
 * session). The disabled one is disabled after its credential was issued: what it holds must stop
 * working, not just new sign-ins.
 */
export async function setUpCallers(f: TwoSites, prefix: string, credential: (userId: string) => Promise<string>): Promise<{ actors: Record<Who, Actor>; credentials: Record<Who, string> }> {
  await consentBoth(f);
  const pending = await makeUser(`${prefix}_pending`, "coordinator", f.siteA.id, "pending");
  const disabled = await makeUser(`${prefix}_disabled`, "coordinator", f.siteA.id, "active");
  const ids: Record<Who, string> = { admin: f.users.admin.id, coordinator: f.users.coordA.id, investigator: f.users.invA.id, sponsor: f.users.sponsor.id, pending: pending.id, disabled: disabled.id };
  const credentials = {} as Record<Who, string>;
  for (const who of ROLES) credentials[who] = await credential(ids[who]);
  const db = await getDb();
  await db.update(users).set({ status: "disabled" }).where(eq(users.id, disabled.id));
  const actors = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await f.actor(ids[r])]))) as Record<Who, Actor>;
  return { actors, credentials };
}

/** The site's records: A is the callers' own site (and the sponsor's granted study), B the other. */
export const siteOf = (f: TwoSites, site: Site) =>
  site === "own"
    ? { site: "A" as const, siteId: f.siteA.id, studyId: f.studyA.id, subject: f.subjectA, coord: f.users.coordA, inv: f.users.invA }
    : { site: "B" as const, siteId: f.siteB.id, studyId: f.studyB.id, subject: f.subjectB, coord: f.users.coordB, inv: f.users.invB };

/** The write road's first question (a conditional grant such as `own` passes it). */
export function attemptOf(actor: Actor, action: Action): Decision {
  try {
    authorizeAttempt(actor, action);
    return "allow";
  } catch (error) {
    if (error instanceof UnauthenticatedError) return "unauthenticated";
    if (error instanceof NotFoundError) return "not_found";
    if (error instanceof ForbiddenError) return "forbidden";
    throw error;
  }
}

/** The policy's answer, as the entry points ask it: the role first, then the record. */
export function expectedDecision(actor: Actor, action: Action, resource?: Resource): Decision {
  const attempt = attemptOf(actor, action);
  if (attempt !== "allow" || !resource) return attempt;
  return decide(actor, action, { siteId: resource.siteId ?? null, studyId: resource.studyId ?? null, authorId: resource.authorId ?? null });
}
