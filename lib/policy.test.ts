/**
 * The permission matrix, written out by hand from docs/product.md, "People and roles" — deliberately
 * not computed from the module's own tables, or a wrong rule would be copied into its own test.
 */
import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { adverseEvents, subjects, type Role, type UserStatus } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import {
  ACTIONS,
  HOME_BY_ROLE,
  authorize,
  can,
  canSeeIdentifiers,
  decide,
  navFor,
  scopeSites,
  scopeStudies,
  scopeWhere,
  type Action,
  type Decision,
  type Resource,
} from "@/lib/policy";
import { roleActor } from "@/tests/role-actor";

const SITE_A = "00000000-0000-4000-8000-00000000000a";
const SITE_B = "00000000-0000-4000-8000-00000000000b";
const STUDY_A = "00000000-0000-4000-8000-0000000000a1"; // runs at site A
const STUDY_B = "00000000-0000-4000-8000-0000000000b1"; // runs at site B
const STUDY_GRANTED = "00000000-0000-4000-8000-0000000000b2"; // at site B, granted to the sponsor
const ACTOR_ID = "00000000-0000-4000-8000-0000000000f1";
const OTHER_USER = "00000000-0000-4000-8000-0000000000f2";

const HERE = { id: ACTOR_ID, site: { id: SITE_A, name: "Site A", timezone: "Europe/Berlin" }, sponsorStudyIds: [STUDY_GRANTED] };
const actor = (role: Role, overrides: Partial<Actor> = {}): Actor => roleActor(role, HERE, overrides);

/**
 * One row per action; per role three columns:
 *   coordinator/investigator: own site | foreign site | no resource
 *   sponsor:                  granted study | not-granted study | no resource
 *   admin:                    site A | site B | no resource
 * A = allow, F = forbidden, N = not_found. The record is the actor's own (authorId) and an
 * unsigned AE, so the record-conditional rules are exercised in their "allowed" state here and in
 * their refused states in the special cases below.
 */
const MATRIX = `
action                    | coordinator | investigator | sponsor | admin
subject.read              | A N A       | A N A        | A N A   | A A A
subject.create            | A N A       | A N A        | F N F   | F F F
subject.update            | A N A       | A N A        | F N F   | F F F
subject.enroll            | A N A       | A N A        | F N F   | F F F
subject.withdraw          | A N A       | A N A        | F N F   | F F F
subject.exit              | A N A       | A N A        | F N F   | F F F
subject.retire            | A N A       | A N A        | F N F   | F F F
screening.read            | A N A       | A N A        | A N A   | A A A
screening.record          | A N A       | A N A        | F N F   | F F F
screening.update          | A N A       | A N A        | F N F   | F F F
screening.signEligibility | F N F       | A N A        | F N F   | F F F
screening.retire          | A N A       | A N A        | F N F   | F F F
visit.read                | A N A       | A N A        | A N A   | A A A
visit.create              | A N A       | A N A        | F N F   | F F F
visit.update              | A N A       | A N A        | F N F   | F F F
visit.retire              | A N A       | A N A        | F N F   | F F F
ae.read                   | A N A       | A N A        | A N A   | A A A
ae.report                 | A N A       | A N A        | F N F   | F F F
ae.update                 | A N A       | A N A        | F N F   | F F F
ae.assess                 | F N F       | A N A        | F N F   | F F F
ae.sign                   | F N F       | A N A        | F N F   | F F F
ae.notifySponsor          | A N A       | A N A        | F N F   | F F F
ae.retire                 | A N A       | A N A        | F N F   | F F F
note.read                 | A N A       | A N A        | A N A   | A A A
note.create               | A N A       | A N A        | F N F   | F F F
note.update               | A N F       | A N F        | F N F   | F F F
note.retire               | A N F       | A N F        | F N F   | F F F
study.read                | A N A       | A N A        | A N A   | A A A
study.manage              | F N F       | F N F        | F N F   | A A A
site.manage               | F N F       | F N F        | F N F   | A A A
user.manage               | F N F       | F N F        | F N F   | A A A
audit.read                | F N F       | F N F        | F N F   | A A A
export                    | A N A       | A N A        | A N A   | A A A
token.manage              | A A A       | A A A        | A A A   | A A A
task.read                 | A N A       | A N A        | F N F   | A A A
task.create               | A N A       | A N A        | F N F   | F F F
task.update               | A N A       | A N A        | F N F   | F F F
notification.manage       | A A A       | A A A        | A A A   | A A A
preferences.manage        | A A A       | A A A        | A A A   | A A A
password.change           | A A A       | A A A        | A A A   | A A A
outbox.manage             | F N F       | F N F        | F N F   | A A A
`;

const LETTER: Record<string, Decision> = { A: "allow", F: "forbidden", N: "not_found" };
const ROLE_COLUMNS: Role[] = ["coordinator", "investigator", "sponsor", "admin"];

type Column = "first" | "second" | "none";
const COLUMNS: Column[] = ["first", "second", "none"];

const expected = new Map<string, Decision>(); // `${action} ${role} ${column}` -> decision
const matrixActions: string[] = [];
for (const line of MATRIX.trim().split("\n").slice(1)) {
  const [action, ...cells] = line.split("|").map((c) => c.trim());
  matrixActions.push(action!);
  cells.forEach((cell, i) => {
    cell.split(/\s+/).forEach((letter, j) => {
      expected.set(`${action} ${ROLE_COLUMNS[i]} ${COLUMNS[j]}`, LETTER[letter]!);
    });
  });
}

function resourceFor(role: Role, column: Column): Resource | undefined {
  const conditions = { authorId: ACTOR_ID, signed: false };
  switch (column) {
    case "none":
      return undefined;
    case "first":
      if (role === "sponsor") return { siteId: SITE_B, studyId: STUDY_GRANTED, ...conditions };
      return { siteId: SITE_A, studyId: STUDY_A, ...conditions };
    case "second":
      if (role === "sponsor") return { siteId: SITE_A, studyId: STUDY_A, ...conditions };
      return { siteId: SITE_B, studyId: STUDY_B, ...conditions };
  }
}

const COLUMN_NAME: Record<Role, Record<Column, string>> = {
  coordinator: { first: "own site", second: "foreign site", none: "no resource" },
  investigator: { first: "own site", second: "foreign site", none: "no resource" },
  sponsor: { first: "granted study", second: "not-granted study", none: "no resource" },
  admin: { first: "site A", second: "site B", none: "no resource" },
};

describe("the expectation table", () => {
  it("lists every action exactly once", () => {
    expect([...matrixActions].sort()).toEqual([...ACTIONS].sort());
    expect(new Set(matrixActions).size).toBe(matrixActions.length);
    expect(expected.size).toBe(ACTIONS.length * ROLE_COLUMNS.length * COLUMNS.length);
  });

  it("names at least the actions the design requires", () => {
    const required: Action[] = [
      "subject.read", "subject.create", "subject.update", "subject.enroll", "subject.withdraw",
      "screening.read", "screening.record", "screening.update", "screening.signEligibility",
      "visit.read", "visit.create", "visit.update",
      "ae.read", "ae.report", "ae.update", "ae.assess", "ae.sign", "ae.notifySponsor",
      "note.read", "note.create", "note.update",
      "study.read", "study.manage", "site.manage", "user.manage", "audit.read", "export", "token.manage",
    ];
    expect(ACTIONS).toEqual(expect.arrayContaining(required));
  });
});

describe("decide: active users, role × action × resource", () => {
  const cases = ROLE_COLUMNS.flatMap((role) =>
    ACTIONS.flatMap((action) =>
      COLUMNS.map((column) => ({
        role,
        action,
        column,
        where: COLUMN_NAME[role][column],
        want: expected.get(`${action} ${role} ${column}`)!,
      })),
    ),
  );

  it.each(cases)("$role · $action · $where → $want", ({ role, action, column, want }) => {
    expect(decide(actor(role), action, resourceFor(role, column))).toBe(want);
  });
});

describe("decide: pending, disabled and anonymous", () => {
  const STATUSES: UserStatus[] = ["pending", "disabled"];
  const cases = STATUSES.flatMap((status) =>
    ROLE_COLUMNS.flatMap((role) =>
      ACTIONS.flatMap((action) =>
        (["first", "none"] as const).map((column) => ({ status, role, action, column })),
      ),
    ),
  );

  it.each(cases)("$status $role · $action · $column → forbidden", ({ status, role, action, column }) => {
    expect(decide(actor(role, { status }), action, resourceFor(role, column))).toBe("forbidden");
  });

  it.each(ACTIONS.flatMap((action) => [{ action, r: "with" }, { action, r: "without" }]))(
    "no actor · $action · $r resource → unauthenticated",
    ({ action, r }) => {
      const resource = r === "with" ? { siteId: SITE_A, studyId: STUDY_A } : undefined;
      expect(decide(null, action, resource)).toBe("unauthenticated");
    },
  );
});

describe("decide: special cases", () => {
  const ae = (signed: boolean | undefined): Resource => ({ siteId: SITE_A, studyId: STUDY_A, signed });

  it("site staff may update an AE signed or not (the write voids the signature); only investigators sign", () => {
    for (const role of ["coordinator", "investigator"] as const) {
      expect(decide(actor(role), "ae.update", ae(false))).toBe("allow");
      expect(decide(actor(role), "ae.update", ae(true))).toBe("allow");
    }
    expect(decide(actor("coordinator"), "ae.sign", ae(false))).toBe("forbidden");
    expect(decide(actor("investigator"), "ae.sign", ae(false))).toBe("allow");
  });

  it("a signed AE at a foreign site is still not found, not forbidden", () => {
    expect(decide(actor("coordinator"), "ae.update", { siteId: SITE_B, studyId: STUDY_B, signed: true })).toBe(
      "not_found",
    );
  });

  it("only the author updates a note", () => {
    const note = (authorId: string | null | undefined): Resource => ({ siteId: SITE_A, studyId: STUDY_A, authorId });
    for (const role of ["coordinator", "investigator"] as const) {
      expect(decide(actor(role), "note.update", note(ACTOR_ID))).toBe("allow");
      expect(decide(actor(role), "note.update", note(OTHER_USER))).toBe("forbidden");
      expect(decide(actor(role), "note.update", note(undefined))).toBe("forbidden");
      expect(decide(actor(role), "note.update", note(null))).toBe("forbidden");
      expect(decide(actor(role), "note.read", note(OTHER_USER))).toBe("allow");
    }
    expect(decide(actor("coordinator"), "note.update", { siteId: SITE_B, studyId: STUDY_B, authorId: OTHER_USER })).toBe(
      "not_found",
    );
  });

  it("a foreign site is not_found even for actions the role may never do", () => {
    const foreign = { siteId: SITE_B, studyId: STUDY_B };
    expect(decide(actor("coordinator"), "ae.sign", foreign)).toBe("not_found");
    expect(decide(actor("coordinator"), "user.manage", foreign)).toBe("not_found");
    expect(decide(actor("investigator"), "subject.read", foreign)).toBe("not_found");
  });

  it("visibility follows siteId, not studyId, for site-bound roles", () => {
    // A study id the actor's site does not run, on a record claiming the actor's site, and vice versa.
    expect(decide(actor("coordinator"), "subject.read", { siteId: SITE_A, studyId: STUDY_B })).toBe("allow");
    expect(decide(actor("coordinator"), "subject.read", { siteId: SITE_B, studyId: STUDY_A })).toBe("not_found");
  });

  it("a site-less record never matches a site-less actor", () => {
    const siteless = actor("coordinator", { siteId: null });
    expect(decide(siteless, "subject.read", { siteId: null, studyId: STUDY_A })).toBe("forbidden");
    expect(decide(siteless, "subject.read")).toBe("forbidden");
    expect(decide(actor("coordinator"), "subject.read", { siteId: null, studyId: STUDY_A })).toBe("not_found");
  });

  it("an active site-bound user without a site reaches no clinical data but may manage what is personal", () => {
    const personal = new Set<Action>(["token.manage", "notification.manage", "preferences.manage", "password.change"]);
    for (const role of ["coordinator", "investigator"] as const) {
      const siteless = actor(role, { siteId: null });
      for (const action of ACTIONS) {
        expect(decide(siteless, action), action).toBe(personal.has(action) ? "allow" : "forbidden");
      }
    }
  });

  it("a sponsor cannot see a record without a study, nor any study when granted none", () => {
    expect(decide(actor("sponsor"), "subject.read", { siteId: SITE_B })).toBe("not_found");
    expect(decide(actor("sponsor"), "subject.read", { siteId: SITE_B, studyId: null })).toBe("not_found");
    const ungranted = actor("sponsor", { sponsorStudyIds: [] });
    expect(decide(ungranted, "subject.read", { siteId: SITE_B, studyId: STUDY_GRANTED })).toBe("not_found");
  });

  it("a sponsor's writes on a granted study are forbidden; on another study not found", () => {
    const granted = { siteId: SITE_B, studyId: STUDY_GRANTED };
    const other = { siteId: SITE_B, studyId: STUDY_B };
    for (const action of ["subject.create", "ae.report", "ae.update", "note.create", "ae.sign"] as const) {
      expect(decide(actor("sponsor"), action, granted), action).toBe("forbidden");
      expect(decide(actor("sponsor"), action, other), action).toBe("not_found");
    }
  });

  it("a sponsor granted several studies sees each of them", () => {
    const sponsor = actor("sponsor", { sponsorStudyIds: [STUDY_A, STUDY_B] });
    expect(decide(sponsor, "ae.read", { siteId: SITE_A, studyId: STUDY_A })).toBe("allow");
    expect(decide(sponsor, "ae.read", { siteId: SITE_B, studyId: STUDY_B })).toBe("allow");
    expect(decide(sponsor, "ae.read", { siteId: SITE_B, studyId: STUDY_GRANTED })).toBe("not_found");
  });

  it("an admin sees every site but never writes clinical data", () => {
    const anywhere = { siteId: SITE_B, studyId: STUDY_B, authorId: ACTOR_ID, signed: false };
    expect(decide(actor("admin"), "ae.read", anywhere)).toBe("allow");
    expect(decide(actor("admin"), "ae.update", anywhere)).toBe("forbidden");
    expect(decide(actor("admin"), "note.update", anywhere)).toBe("forbidden");
    expect(decide(actor("admin"), "study.manage", { siteId: SITE_B, studyId: STUDY_B })).toBe("allow");
  });

  it.each(["token.manage", "notification.manage", "preferences.manage", "password.change"] as const)(
    "%s is about one's own: someone else's is not found",
    (action) => {
      for (const role of ROLE_COLUMNS) {
        expect(decide(actor(role), action, { siteId: null, authorId: ACTOR_ID })).toBe("allow");
        expect(decide(actor(role), action, { siteId: null, authorId: OTHER_USER })).toBe("not_found");
        expect(decide(actor(role), action, { siteId: null })).toBe("not_found");
      }
      expect(decide(actor("coordinator", { status: "disabled" }), action)).toBe("forbidden");
    },
  );
});

describe("authorize", () => {
  const own = { siteId: SITE_A, studyId: STUDY_A };
  const foreign = { siteId: SITE_B, studyId: STUDY_B };

  it("returns on allow and narrows the actor", () => {
    const maybe: Actor | null = actor("investigator");
    authorize(maybe, "ae.sign", own);
    expect(maybe.id).toBe(ACTOR_ID); // compiles only because authorize narrowed `maybe` to Actor
  });

  it("throws UnauthenticatedError without an actor", () => {
    expect(() => authorize(null, "subject.read", own)).toThrow(UnauthenticatedError);
  });

  it("throws NotFoundError for a foreign site", () => {
    expect(() => authorize(actor("coordinator"), "subject.read", foreign)).toThrow(NotFoundError);
    expect(() => authorize(actor("sponsor"), "subject.read", foreign)).toThrow(NotFoundError);
  });

  it("throws ForbiddenError for a visible record the role may not touch", () => {
    expect(() => authorize(actor("coordinator"), "ae.sign", own)).toThrow(ForbiddenError);
    expect(() => authorize(actor("admin"), "subject.update", own)).toThrow(ForbiddenError);
    expect(() => authorize(actor("coordinator", { status: "pending" }), "subject.read", own)).toThrow(ForbiddenError);
  });

  it("maps to 401 / 404 / 403", () => {
    const statusOf = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as { status: number }).status;
      }
      return 200;
    };
    expect(statusOf(() => authorize(null, "subject.read"))).toBe(401);
    expect(statusOf(() => authorize(actor("coordinator"), "subject.read", foreign))).toBe(404);
    expect(statusOf(() => authorize(actor("sponsor"), "export", foreign))).toBe(404);
    expect(statusOf(() => authorize(actor("sponsor"), "subject.create"))).toBe(403);
    expect(statusOf(() => authorize(actor("coordinator"), "subject.create", own))).toBe(200);
  });
});

describe("can", () => {
  it("is decide() === allow, as a boolean", () => {
    expect(can(actor("investigator"), "ae.assess", { siteId: SITE_A, studyId: STUDY_A })).toBe(true);
    expect(can(actor("coordinator"), "ae.assess", { siteId: SITE_A, studyId: STUDY_A })).toBe(false);
    expect(can(actor("coordinator"), "subject.read", { siteId: SITE_B, studyId: STUDY_B })).toBe(false);
    expect(can(null, "subject.read")).toBe(false);
  });
});

describe("canSeeIdentifiers", () => {
  it("is false for sponsors (de-identified) and true for site staff and admins", () => {
    expect(canSeeIdentifiers(actor("coordinator"))).toBe(true);
    expect(canSeeIdentifiers(actor("investigator"))).toBe(true);
    expect(canSeeIdentifiers(actor("admin"))).toBe(true);
    expect(canSeeIdentifiers(actor("sponsor"))).toBe(false);
  });

  it("is false for accounts that are not active", () => {
    expect(canSeeIdentifiers(actor("coordinator", { status: "pending" }))).toBe(false);
    expect(canSeeIdentifiers(actor("admin", { status: "disabled" }))).toBe(false);
  });
});

describe("scope helpers", () => {
  const dialect = new PgDialect();
  const render = (q: Parameters<PgDialect["sqlToQuery"]>[0]) => {
    const { sql, params } = dialect.sqlToQuery(q);
    return { sql, params };
  };

  it("site-bound roles: site_id equals their site", () => {
    for (const role of ["coordinator", "investigator"] as const) {
      expect(render(scopeWhere(actor(role), subjects))).toEqual({
        sql: '"subjects"."site_id" = $1',
        params: [SITE_A],
      });
    }
    expect(render(scopeWhere(actor("coordinator"), adverseEvents))).toEqual({
      sql: '"adverse_events"."site_id" = $1',
      params: [SITE_A],
    });
  });

  it("sponsors: study_id in their granted studies, false when none", () => {
    const sponsor = actor("sponsor", { sponsorStudyIds: [STUDY_A, STUDY_GRANTED] });
    expect(render(scopeWhere(sponsor, subjects))).toEqual({
      sql: '"subjects"."study_id" in ($1, $2)',
      params: [STUDY_A, STUDY_GRANTED],
    });
    expect(render(scopeWhere(actor("sponsor", { sponsorStudyIds: [] }), subjects))).toEqual({
      sql: "false",
      params: [],
    });
  });

  it("admins: everything", () => {
    expect(render(scopeWhere(actor("admin"), subjects))).toEqual({ sql: "true", params: [] });
  });

  it("pending, disabled, or site-bound without a site: nothing", () => {
    for (const role of ROLE_COLUMNS) {
      for (const status of ["pending", "disabled"] as const) {
        expect(render(scopeWhere(actor(role, { status }), subjects))).toEqual({ sql: "false", params: [] });
        expect(render(scopeStudies(actor(role, { status })))).toEqual({ sql: "false", params: [] });
        expect(render(scopeSites(actor(role, { status })))).toEqual({ sql: "false", params: [] });
      }
    }
    for (const role of ["coordinator", "investigator"] as const) {
      const siteless = actor(role, { siteId: null });
      expect(render(scopeWhere(siteless, subjects))).toEqual({ sql: "false", params: [] });
      expect(render(scopeStudies(siteless))).toEqual({ sql: "false", params: [] });
      expect(render(scopeSites(siteless))).toEqual({ sql: "false", params: [] });
    }
  });

  it("scopeStudies filters the studies table by its own id for sponsors", () => {
    expect(render(scopeStudies(actor("coordinator")))).toEqual({
      sql: '"studies"."site_id" = $1',
      params: [SITE_A],
    });
    expect(render(scopeStudies(actor("sponsor")))).toEqual({
      sql: '"studies"."id" in ($1)',
      params: [STUDY_GRANTED],
    });
    expect(render(scopeStudies(actor("sponsor", { sponsorStudyIds: [] })))).toEqual({ sql: "false", params: [] });
    expect(render(scopeStudies(actor("admin")))).toEqual({ sql: "true", params: [] });
  });

  it("scopeSites: own site; for sponsors the sites running their studies", () => {
    expect(render(scopeSites(actor("investigator")))).toEqual({ sql: '"sites"."id" = $1', params: [SITE_A] });
    expect(render(scopeSites(actor("sponsor")))).toEqual({
      sql: 'exists (select 1 from "studies" where "studies"."site_id" = "sites"."id" and "studies"."id" in ($1))',
      params: [STUDY_GRANTED],
    });
    expect(render(scopeSites(actor("sponsor", { sponsorStudyIds: [] })))).toEqual({ sql: "false", params: [] });
    expect(render(scopeSites(actor("admin")))).toEqual({ sql: "true", params: [] });
  });
});

describe("homes and navigation", () => {
  it("sends each role home", () => {
    expect(HOME_BY_ROLE).toEqual({
      coordinator: "/",
      investigator: "/safety",
      sponsor: "/sponsor",
      admin: "/admin",
    });
  });

  const labels = (a: Actor | null) => navFor(a).map((item) => item.label);

  it("coordinators: their site workbench", () => {
    expect(labels(actor("coordinator"))).toEqual(["Dashboard", "Screening", "Tasks", "Subjects", "Visits", "Adverse events"]);
  });

  it("investigators: safety review first, then the workbench", () => {
    expect(labels(actor("investigator"))).toEqual([
      "Safety review",
      "Dashboard",
      "Screening",
      "Tasks",
      "Subjects",
      "Visits",
      "Adverse events",
    ]);
  });

  it("sponsors: the overview and the read-only registers", () => {
    expect(labels(actor("sponsor"))).toEqual(["Sponsor overview", "Subjects", "Visits", "Adverse events"]);
  });

  it("admins: setup, audit log and the read-only registers", () => {
    expect(labels(actor("admin"))).toEqual(["Admin", "Audit log", "Subjects", "Visits", "Adverse events"]);
  });

  it("pending, disabled and anonymous users get no navigation", () => {
    expect(navFor(null)).toEqual([]);
    for (const role of ROLE_COLUMNS) {
      expect(navFor(actor(role, { status: "pending" }))).toEqual([]);
      expect(navFor(actor(role, { status: "disabled" }))).toEqual([]);
    }
  });

  it("links each label to its page", () => {
    const hrefs = Object.fromEntries(navFor(actor("investigator")).map((i) => [i.label, i.href]));
    expect(hrefs).toEqual({
      "Safety review": "/safety",
      Dashboard: "/",
      Screening: "/screening",
      Tasks: "/tasks",
      Subjects: "/subjects",
      Visits: "/visits",
      "Adverse events": "/adverse-events",
    });
    expect(navFor(actor("admin"))).toEqual([
      { href: "/admin", label: "Admin" },
      { href: "/audit", label: "Audit log" },
      { href: "/subjects", label: "Subjects" },
      { href: "/visits", label: "Visits" },
      { href: "/adverse-events", label: "Adverse events" },
    ]);
    expect(navFor(actor("sponsor"))[0]).toEqual({ href: "/sponsor", label: "Sponsor overview" });
  });
});
