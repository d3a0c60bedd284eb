/**
 * Who may do what (docs/product.md, "People and roles"). Every entry point — page, server action, REST,
 * GraphQL, live events, exports — asks decide()/authorize(); hiding a button is never the check.
 * Pure: no database access. The caller loads the record through a site-scoped query (./scope.ts)
 * and passes its facts here as a Resource.
 */
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";

export const ACTIONS = [
  "subject.read",
  "subject.create",
  "subject.update",
  "subject.enroll",
  "subject.withdraw",
  "subject.exit",
  "subject.retire",
  "screening.read",
  "screening.record",
  "screening.update",
  "screening.signEligibility",
  "screening.retire",
  "visit.read",
  "visit.create",
  "visit.update",
  "visit.retire",
  "ae.read",
  "ae.report",
  "ae.update",
  "ae.assess",
  "ae.sign",
  "ae.notifySponsor",
  "ae.retire",
  "note.read",
  "note.create",
  "note.update",
  "note.retire",
  "study.read",
  "study.manage",
  "site.manage",
  "user.manage",
  "audit.read",
  "export",
  "token.manage",
  "task.read",
  "task.create",
  "task.update",
  "notification.manage",
  "preferences.manage",
  "password.change",
  "outbox.manage",
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * The record acted upon — or, for a create, the study/site it will belong to. Omit it for actions
 * that target no record (site.manage, user.manage, audit.read) and for "may this role do this at
 * all" questions; list reads are then narrowed by the scope helpers instead.
 */
export type Resource = {
  siteId: string | null;
  studyId?: string | null;
  /** Note author — or, for a personal action (token, notification, preferences), the owner. */
  authorId?: string | null;
  /** AE only: whether it carries a live investigator signature. */
  signed?: boolean;
};

export type Decision = "allow" | "not_found" | "forbidden" | "unauthenticated";

/**
 * "yes"/"no", or a grant that depends on the record: "own" = only the author, "unsigned" = only
 * while no investigator signature stands. Conditional grants need the record's facts; without them
 * the answer is "forbidden", so a caller that forgets to pass `signed` or `authorId` fails closed.
 */
type Grant = "yes" | "no" | "own" | "unsigned";

// Written out as a grid, one line per action, as in docs/product.md, "The permission grid" (a test keeps them equal).
// Investigators are coordinators plus the medical judgement (assess, sign). Sponsors read their
// granted studies de-identified; admins set the system up and read everything, but never write
// clinical data — that keeps clinical records attributable to site staff.
const GRANTS: Record<Action, Record<Role, Grant>> = {
  //                          coordinator           investigator           sponsor           admin
  "subject.read":             { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  "subject.create":           { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "subject.update":           { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "subject.enroll":           { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "subject.withdraw":         { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  // Completing the study or being lost to follow-up: the other two ways a subject leaves.
  "subject.exit":             { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  // Retiring = "entered in error": kept, out of lists and counts, struck through on the timeline.
  "subject.retire":           { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "screening.read":           { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  "screening.record":         { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "screening.update":         { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "screening.signEligibility":{ coordinator: "no", investigator: "yes", sponsor: "no", admin: "no" },
  "screening.retire":         { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "visit.read":               { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  "visit.create":             { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "visit.update":             { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "visit.retire":             { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "ae.read":                  { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  "ae.report":                { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  // Site staff may change a signed AE (issue 4: a coordinator corrects the severity): the write
  // voids the signature and requeues the AE for the investigator, so nothing stays signed unseen.
  "ae.update":                { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "ae.assess":                { coordinator: "no", investigator: "yes", sponsor: "no", admin: "no" },
  "ae.sign":                  { coordinator: "no", investigator: "yes", sponsor: "no", admin: "no" },
  "ae.notifySponsor":         { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "ae.retire":                { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  // Sponsors may list notes (type, date) but canSeeIdentifiers() withholds the text.
  "note.read":                { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  "note.create":              { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  // A note is its author's statement; nobody else rewrites it.
  "note.update":              { coordinator: "own", investigator: "own", sponsor: "no", admin: "no" },
  "note.retire":              { coordinator: "own", investigator: "own", sponsor: "no", admin: "no" },
  "study.read":               { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  "study.manage":             { coordinator: "no", investigator: "no", sponsor: "no", admin: "yes" },
  "site.manage":              { coordinator: "no", investigator: "no", sponsor: "no", admin: "yes" },
  "user.manage":              { coordinator: "no", investigator: "no", sponsor: "no", admin: "yes" },
  // The admin audit log. A record's own history is shown with the record, under its read action.
  "audit.read":               { coordinator: "no", investigator: "no", sponsor: "no", admin: "yes" },
  "export":                   { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  "token.manage":             { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  // Follow-up tasks are the site's working list: site staff run them, admins read them (to see
  // what is overdue where), sponsors never see them (a task may name what a subject needs).
  "task.read":                { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "yes" },
  "task.create":              { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  "task.update":              { coordinator: "yes", investigator: "yes", sponsor: "no", admin: "no" },
  // One's own inbox and settings (notification preferences, calendar feed): personal, like tokens.
  "notification.manage":      { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  "preferences.manage":       { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  // Changing one's own password (Settings → Password), giving the current one; an admin's reset of
  // someone else's is user.manage.
  "password.change":          { coordinator: "yes", investigator: "yes", sponsor: "yes", admin: "yes" },
  // The email outbox: see what was (not) delivered and retry dead messages.
  "outbox.manage":            { coordinator: "no", investigator: "no", sponsor: "no", admin: "yes" },
};

/**
 * Actions on what belongs to a person rather than a site (API tokens, their inbox, their settings):
 * visibility is ownership — someone else's is "not found", whatever the role.
 */
const PERSONAL: ReadonlySet<Action> = new Set<Action>(["token.manage", "notification.manage", "preferences.manage", "password.change"]);

const SITE_BOUND: ReadonlySet<Role> = new Set<Role>(["coordinator", "investigator"]);

/** Visibility is decided before capability, so an invisible record is "not found", never "forbidden". */
function canSee(actor: Actor, resource: Resource): boolean {
  switch (actor.role) {
    case "admin":
      return true;
    case "sponsor":
      // A record without a study cannot belong to a granted study.
      return resource.studyId != null && actor.sponsorStudyIds.includes(resource.studyId);
    case "coordinator":
    case "investigator":
      // Compare non-null ids only: a site-less record must not match a site-less actor.
      return actor.siteId !== null && resource.siteId === actor.siteId;
  }
}

export function decide(actor: Actor | null, action: Action, resource?: Resource): Decision {
  if (!actor) return "unauthenticated";
  // Pending sign-ups and disabled accounts reach nothing, not even their tokens.
  if (actor.status !== "active") return "forbidden";

  // Tokens, inboxes and settings belong to a person, not a site: visibility is ownership.
  if (PERSONAL.has(action)) {
    return resource && resource.authorId !== actor.id ? "not_found" : "allow";
  }

  // The database forbids an active site-bound user without a site; should one slip through, it
  // reaches no clinical data rather than everyone's.
  if (SITE_BOUND.has(actor.role) && actor.siteId === null) return "forbidden";

  if (resource && !canSee(actor, resource)) return "not_found";

  switch (GRANTS[action][actor.role]) {
    case "yes":
      return "allow";
    case "no":
      return "forbidden";
    case "own":
      return resource?.authorId != null && resource.authorId === actor.id ? "allow" : "forbidden";
    case "unsigned":
      return resource?.signed === false ? "allow" : "forbidden";
  }
}

/** The check itself: throws the typed error that entry points map to 401/404/403. */
export function authorize(
  actor: Actor | null,
  action: Action,
  resource?: Resource,
): asserts actor is Actor {
  switch (decide(actor, action, resource)) {
    case "allow":
      return;
    case "unauthenticated":
      throw new UnauthenticatedError();
    case "not_found":
      throw new NotFoundError();
    case "forbidden":
      throw new ForbiddenError();
  }
}

/**
 * May this actor attempt the action at all, before any record is read? The first step of every
 * write (lib/write): a role without the grant hears "forbidden" before its input is even parsed.
 * Conditional grants ("own", "unsigned") pass here and are decided on the record when it is loaded.
 */
export function authorizeAttempt(actor: Actor | null, action: Action): asserts actor is Actor {
  const decision = decide(actor, action);
  if (decision === "forbidden" && actor && actor.status === "active" && isConditional(GRANTS[action][actor.role])) {
    if (!(SITE_BOUND.has(actor.role) && actor.siteId === null)) return;
  }
  authorize(actor, action);
}

const isConditional = (grant: Grant) => grant === "own" || grant === "unsigned";

/** For the UI (whether to show a button). Never a substitute for authorize() on the server. */
export function can(actor: Actor | null, action: Action, resource?: Resource): boolean {
  return decide(actor, action, resource) === "allow";
}

/**
 * Sponsors see de-identified data: no fullName, dob year only, no note text. Inactive accounts
 * see nothing at all, so they get the stricter answer too.
 */
export function canSeeIdentifiers(actor: Actor): boolean {
  return actor.status === "active" && actor.role !== "sponsor";
}
