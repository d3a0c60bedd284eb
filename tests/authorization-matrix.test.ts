/**
 * The authorization matrix, generated from the policy (lib/policy.ts): for every action of ACTIONS,
 * every role (admin, coordinator, investigator, sponsor, and a pending and a disabled account) and
 * a record of their own site (a sponsor: a granted study) and of the other site, the expected
 * answer is what `decide()` says — first "may this role do this at all" (the write road's
 * authorizeAttempt, so a role without the grant hears 403 before any record is read), then on the
 * record's facts — and every entry point that performs the action must agree: REST (2xx / 403 /
 * 404; 401 for a pending or disabled account's token), GraphQL (data / FORBIDDEN / NOT_FOUND /
 * UNAUTHENTICATED) and the CSV exports. Each cell gets fresh records, so an allowed write in one
 * cell cannot change the next. The same matrix for server actions is
 * tests/authorization-matrix-actions.test.ts, for page reads tests/authorization-matrix-pages.test.ts;
 * live events are decided per record by `decide` itself (lib/live/events.ts, mayReceive) and
 * delivered per site and grant in lib/live/live.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { randomUUID } from "node:crypto";
import { apiTokens, sites, studies, subjectNotes } from "@/db/schema";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { exportAuditLogList } from "@/lib/audit/log/csv";
import * as lists from "@/lib/export/lists";
import { AppError } from "@/lib/errors";
import { ACTIONS, type Action, type Decision, type Resource } from "@/lib/policy";
import { gql } from "@/lib/graphql/test-client";
import { rawCall, tokenFor } from "@/tests/api/client";
import { insertAe } from "@/tests/fixtures-aes";
import { insertNotification } from "@/tests/fixtures-notifications";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { insertTask } from "@/tests/fixtures-tasks";
import { makeVisit } from "@/tests/fixtures-visits";
import { FIXTURE_PASSWORD, makeUser, withTwoSites } from "@/tests/fixtures";
import { expectedDecision, ROLES, setUpCallers, siteOf, type Site, type Who } from "@/tests/authorization-matrix-world";

const f = withTwoSites();


let actors: Record<Who, Actor>;
let tokens: Record<Who, string>;
let seq = 0;
const n = () => ++seq;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";
  ({ actors, credentials: tokens } = await setUpCallers(f, "matrix", tokenFor));
});

const at = (site: Site) => siteOf(f, site);

type Call = {
  resource?: Resource;
  method: "GET" | "POST" | "PATCH";
  path: string;
  body?: unknown;
  /** GraphQL: a read's query field (`subject`), or the mutation (REST's operationId). */
  graphql?: { field: string; mutation: boolean };
};

/** What an edit's whole-record check needs (the fixture's subjects leave them out). */
const COMPLETE = { dob: "1980-02-03", sexAtBirth: "female" as const };

const when = (plusDays: number) => new Date(Date.now() + plusDays * 86_400_000).toISOString();

/** For each action with an API operation: fresh records on `site`, and the call that performs it. */
const PROBES: Partial<Record<Action, (site: Site, who: Who) => Promise<Call>>> = {
  "subject.read": async (site) => {
    const s = await addSubject(f, at(site).site);
    return { resource: s, method: "GET", path: `/subjects/${s.id}`, graphql: { field: "subject", mutation: false } };
  },
  "subject.create": async (site) => {
    const p = at(site);
    return {
      resource: { siteId: p.siteId, studyId: p.studyId },
      method: "POST",
      path: "/subjects",
      body: { subjectId: `M-${n()}`, fullName: "Matrix Person", coordinatorId: p.coord.id, dob: "1980-02-03", sexAtBirth: "female", consentSignedAt: null, studyId: p.studyId },
      graphql: { field: "createSubject", mutation: true },
    };
  },
  "subject.update": async (site) => {
    const s = await addSubject(f, at(site).site, COMPLETE);
    return { resource: s, method: "PATCH", path: `/subjects/${s.id}`, body: { version: s.version, fullName: "Renamed Person", reason: "Typo" }, graphql: { field: "updateSubject", mutation: true } };
  },
  "subject.withdraw": async (site) => {
    const s = await addSubject(f, at(site).site, { ...COMPLETE, status: "enrolled" });
    return { resource: s, method: "PATCH", path: `/subjects/${s.id}`, body: { version: s.version, status: "withdrawn", reason: "Moved away" }, graphql: { field: "updateSubject", mutation: true } };
  },
  "subject.exit": async (site) => {
    const s = await addSubject(f, at(site).site, { ...COMPLETE, status: "enrolled" });
    return { resource: s, method: "PATCH", path: `/subjects/${s.id}`, body: { version: s.version, status: "completed", reason: "Finished", exitDate: "2025-03-01" }, graphql: { field: "updateSubject", mutation: true } };
  },
  "subject.retire": async (site) => {
    const s = await addSubject(f, at(site).site);
    return { resource: s, method: "POST", path: `/subjects/${s.id}/retire`, body: { version: s.version, reason: "Entered in error" }, graphql: { field: "retireSubject", mutation: true } };
  },
  "screening.read": async (site) => {
    const p = at(site);
    const r = await addScreening(await addSubject(f, p.site), p.coord.id);
    return { resource: r, method: "GET", path: `/screenings/${r.id}`, graphql: { field: "screening", mutation: false } };
  },
  "screening.record": async (site) => {
    const s = await addSubject(f, at(site).site);
    return {
      resource: s,
      method: "POST",
      path: "/screenings",
      body: { subjectId: s.id, subjectVersion: s.version, screeningStatus: "pending", screeningDate: "2025-01-15" },
      graphql: { field: "recordScreening", mutation: true },
    };
  },
  "screening.update": async (site) => {
    const p = at(site);
    const r = await addScreening(await addSubject(f, p.site), p.coord.id);
    return { resource: r, method: "PATCH", path: `/screenings/${r.id}`, body: { version: r.version, reason: "Correction", notes: "Checked again" }, graphql: { field: "updateScreening", mutation: true } };
  },
  "screening.signEligibility": async (site, who) => {
    const p = at(site);
    const r = await addScreening(await addSubject(f, p.site), p.coord.id, { screeningStatus: "passed" });
    return { resource: r, method: "POST", path: `/screenings/${r.id}/eligibility-signature`, body: { version: r.version, username: actors[who].username, password: FIXTURE_PASSWORD }, graphql: { field: "signEligibility", mutation: true } };
  },
  "screening.retire": async (site) => {
    const p = at(site);
    const r = await addScreening(await addSubject(f, p.site), p.coord.id);
    return { resource: r, method: "POST", path: `/screenings/${r.id}/retire`, body: { version: r.version, reason: "Entered in error" }, graphql: { field: "retireScreening", mutation: true } };
  },
  "visit.read": async (site) => {
    const v = await makeVisit(f, { scheduledAt: new Date(when(10)) }, at(site).site);
    return { resource: v, method: "GET", path: `/visits/${v.id}`, graphql: { field: "visit", mutation: false } };
  },
  "visit.create": async (site) => {
    const p = at(site);
    return {
      resource: { siteId: p.siteId, studyId: p.studyId },
      method: "POST",
      path: "/visits",
      body: { subjectId: p.subject.id, visitType: "treatment", scheduledAt: when(20 + n()), location: "Clinic 2" },
      graphql: { field: "scheduleVisit", mutation: true },
    };
  },
  "visit.update": async (site) => {
    const v = await makeVisit(f, { scheduledAt: new Date(when(10)) }, at(site).site);
    return { resource: v, method: "PATCH", path: `/visits/${v.id}`, body: { version: v.version, location: "Room 4", reason: "Room change" }, graphql: { field: "updateVisit", mutation: true } };
  },
  "visit.retire": async (site) => {
    const v = await makeVisit(f, { scheduledAt: new Date(when(10)) }, at(site).site);
    return { resource: v, method: "POST", path: `/visits/${v.id}/retire`, body: { version: v.version, reason: "Entered in error" }, graphql: { field: "retireVisit", mutation: true } };
  },
  "ae.read": async (site) => {
    const a = await ae(site);
    return { resource: a, method: "GET", path: `/adverse-events/${a.id}`, graphql: { field: "adverseEvent", mutation: false } };
  },
  "ae.report": async (site) => {
    const p = at(site);
    return {
      resource: { siteId: p.siteId, studyId: p.studyId },
      method: "POST",
      path: "/adverse-events",
      body: { subjectId: p.subject.id, eventTerm: "Rash", severity: "mild", grade: 1, serious: false, seriousnessCriteria: [], onsetDate: "2024-02-01" },
      graphql: { field: "reportAdverseEvent", mutation: true },
    };
  },
  "ae.update": async (site) => {
    const a = await ae(site);
    return { resource: a, method: "PATCH", path: `/adverse-events/${a.id}`, body: { version: a.version, reason: "Correction", eventTerm: "Migraine" }, graphql: { field: "updateAdverseEvent", mutation: true } };
  },
  "ae.assess": async (site) => {
    const a = await ae(site);
    return {
      resource: a,
      method: "POST",
      path: `/adverse-events/${a.id}/assessment`,
      body: { version: a.version, causality: "possible", expectedness: "expected", grade: 1, outcome: "recovering" },
      graphql: { field: "assessAdverseEvent", mutation: true },
    };
  },
  "ae.sign": async (site, who) => {
    const a = await ae(site, { causality: "possible", expectedness: "expected", outcome: "recovering", assessedById: at(site).inv.id, assessedAt: new Date() });
    return { resource: a, method: "POST", path: `/adverse-events/${a.id}/signature`, body: { version: a.version, username: actors[who].username, password: FIXTURE_PASSWORD }, graphql: { field: "signAdverseEvent", mutation: true } };
  },
  "ae.notifySponsor": async (site) => {
    const a = await ae(site, { serious: true, seriousnessCriteria: ["hospitalization"], severity: "severe", grade: 3 });
    return { resource: a, method: "POST", path: `/adverse-events/${a.id}/sponsor-notification`, body: { version: a.version }, graphql: { field: "markSponsorNotified", mutation: true } };
  },
  "ae.retire": async (site) => {
    const a = await ae(site);
    return { resource: a, method: "POST", path: `/adverse-events/${a.id}/retire`, body: { version: a.version, reason: "Entered in error" }, graphql: { field: "retireAdverseEvent", mutation: true } };
  },
  "note.read": async (site) => {
    const note = await noteBy(site, at(site).coord.id);
    return { resource: note, method: "GET", path: `/subject-notes/${note.id}`, graphql: { field: "subjectNote", mutation: false } };
  },
  "note.create": async (site) => {
    const p = at(site);
    return {
      resource: { siteId: p.siteId, studyId: p.studyId },
      method: "POST",
      path: "/subject-notes",
      body: { subjectId: p.subject.id, noteType: "call", noteText: "Called back" },
      graphql: { field: "createSubjectNote", mutation: true },
    };
  },
  // A note is its author's: the site's coordinator wrote these (the `own` grant).
  "note.update": async (site) => {
    const note = await noteBy(site, at(site).coord.id);
    return { resource: note, method: "PATCH", path: `/subject-notes/${note.id}`, body: { version: note.version, reason: "Typo", noteText: "Called back twice" }, graphql: { field: "updateSubjectNote", mutation: true } };
  },
  "note.retire": async (site) => {
    const note = await noteBy(site, at(site).coord.id);
    return { resource: note, method: "POST", path: `/subject-notes/${note.id}/retire`, body: { version: note.version, reason: "Entered in error" }, graphql: { field: "retireSubjectNote", mutation: true } };
  },
  "study.read": async (site) => {
    const s = await study(site);
    return { resource: { siteId: s.siteId, studyId: s.id }, method: "GET", path: `/studies/${s.id}`, graphql: { field: "study", mutation: false } };
  },
  "study.manage": async (site) => {
    const s = await study(site);
    return { resource: { siteId: s.siteId, studyId: s.id }, method: "PATCH", path: `/studies/${s.id}`, body: { version: s.version, title: "Renamed study" }, graphql: { field: "updateStudy", mutation: true } };
  },
  "site.manage": async (site) => {
    const db = await getDb();
    const [row] = await db.select().from(sites).where(eq(sites.id, at(site).siteId));
    return { method: "PATCH", path: `/sites/${row!.id}`, body: { version: row!.version, name: row!.name }, graphql: { field: "updateSite", mutation: true } };
  },
  "user.manage": async (site) => {
    const target = await makeUser(`matrix_target_${n()}`, "coordinator", at(site).siteId);
    return { method: "POST", path: `/users/${target.id}/status`, body: { version: target.version, status: "disabled", reason: "Left the site" }, graphql: { field: "setUserStatus", mutation: true } };
  },
  // Personal: "own" is the caller's own token, "foreign" someone else's.
  "token.manage": async (site, who) => {
    const owner = site === "own" ? actors[who].id : f.users.coordB.id;
    const db = await getDb();
    const [row] = await db
      .insert(apiTokens)
      .values({ userId: owner, kind: "personal", name: "Matrix", tokenHash: randomUUID(), prefix: "td_x", expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    return { resource: { siteId: null, authorId: owner }, method: "GET", path: `/tokens/${row!.id}`, graphql: { field: "personalToken", mutation: false } };
  },
  "task.read": async (site) => {
    const t = await insertTask(f, {}, at(site).site);
    return { resource: t, method: "GET", path: `/tasks/${t.id}`, graphql: { field: "task", mutation: false } };
  },
  "task.create": async (site) => {
    const p = at(site);
    return {
      resource: { siteId: p.siteId, studyId: p.studyId },
      method: "POST",
      path: "/tasks",
      body: { entity: "subject", entityId: p.subject.id, title: "Call back", details: null, dueAt: when(3), assigneeRole: "coordinator" },
      graphql: { field: "createTask", mutation: true },
    };
  },
  "task.update": async (site) => {
    const t = await insertTask(f, {}, at(site).site);
    return { resource: t, method: "PATCH", path: `/tasks/${t.id}`, body: { version: t.version, title: "Call back today" }, graphql: { field: "updateTask", mutation: true } };
  },
  "notification.manage": async (site, who) => {
    const owner = site === "own" ? actors[who].id : f.users.coordB.id;
    const item = await insertNotification(owner);
    return { resource: { siteId: null, authorId: owner }, method: "PATCH", path: `/notifications/${item.id}`, body: { read: true }, graphql: { field: "updateNotification", mutation: true } };
  },
};

/** Actions no REST or GraphQL operation performs, with the entry point the matrix checks instead. */
const NOT_IN_THE_API: Partial<Record<Action, string>> = {
  "subject.enroll": "enrolment is a subject PATCH too, but needs a passed screening; subject.withdraw and subject.exit probe the same command",
  "audit.read": "the admin audit log: its CSV export is checked below",
  export: "the CSV exports, checked below",
  "preferences.manage": "settings pages and their form action only",
  "password.change": "Settings → Password and its form action only (an API token cannot change the password it was made with)",
  "outbox.manage": "the admin outbox page and its form action only",
};

async function ae(site: Site, values: Record<string, unknown> = {}) {
  const p = at(site);
  return insertAe(f, { siteId: p.siteId, studyId: p.studyId, subjectId: p.subject.id, reportedById: p.coord.id, ...values });
}
async function noteBy(site: Site, authorId: string) {
  const p = at(site);
  const db = await getDb();
  const [note] = await db.insert(subjectNotes).values({ siteId: p.siteId, studyId: p.studyId, subjectId: p.subject.id, authorId, noteType: "general", noteText: "Matrix note" }).returning();
  return note!;
}
async function study(site: Site) {
  const p = at(site);
  const db = await getDb();
  const [row] = await db.insert(studies).values({ protocolId: `MX-${n()}`, title: "Matrix study", status: "recruiting", principalInvestigatorId: p.inv.id, siteId: p.siteId }).returning();
  return row!;
}



const inactive = (who: Who) => who === "pending" || who === "disabled";

function restOutcome(status: number): Decision | `status ${number}` {
  if (status >= 200 && status < 300) return "allow";
  if (status === 404) return "not_found";
  if (status === 403) return "forbidden";
  if (status === 401) return "unauthenticated";
  return `status ${status}`;
}

function graphqlOutcome(result: { data: Record<string, unknown> | null; codes: (string | undefined)[] }): Decision | string {
  if (result.codes.length === 0 && result.data) return "allow";
  const code = result.codes[0];
  return code === "NOT_FOUND" ? "not_found" : code === "FORBIDDEN" ? "forbidden" : code === "UNAUTHENTICATED" ? "unauthenticated" : `code ${code}`;
}

/** A pending or disabled account is refused whatever it asks: 401 by token, or 403. */
const agrees = (who: Who, want: Decision, got: string) => (inactive(who) ? got === "unauthenticated" || got === "forbidden" : got === want);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe("authorization matrix: policy × role × site × entry point", () => {
  it("names an entry point for every action of the policy", () => {
    for (const action of ACTIONS) expect(PROBES[action] ?? NOT_IN_THE_API[action], action).toBeDefined();
  });

  for (const action of ACTIONS) {
    const probe = PROBES[action];
    if (!probe) continue;
    describe(action, () => {
      for (const who of ROLES) {
        for (const site of ["own", "foreign"] as const) {
          it(`${who} on ${site === "own" ? "their own" : "the other"} site: REST and GraphQL answer as the policy decides`, async () => {
            const rest = await probe(site, who);
            const want = expectedDecision(actors[who], action, rest.resource);
            const response = await rawCall(rest.method, rest.path, { token: tokens[who], body: rest.body === undefined ? undefined : JSON.stringify(rest.body) });
            const got = restOutcome(response.status);
            expect(agrees(who, want, got), `${who}/${site}: REST ${rest.method} ${rest.path}: policy ${want}, answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`).toBe(true);

            const call = await probe(site, who);
            if (!call.graphql) return;
            const id = /\/([0-9a-f-]{36})(?:\/|$)/.exec(call.path)?.[1];
            const { field, mutation } = call.graphql;
            const input = call.body === undefined ? undefined : call.body;
            const result = mutation
              ? await gql(tokens[who], `mutation(${[id && "$id: ID!", input !== undefined && `$input: ${capital(field)}Input!`].filter(Boolean).join(", ")}) { ${field}(${[id && "id: $id", input !== undefined && "input: $input"].filter(Boolean).join(", ")}) { __typename } }`, {
                  ...(id ? { id } : {}),
                  ...(input !== undefined ? { input } : {}),
                })
              : await gql(tokens[who], `query($id: ID!) { ${field}(id: $id) { __typename } }`, { id });
            const gotGraphql = graphqlOutcome(result);
            expect(agrees(who, expectedDecision(actors[who], action, call.resource), gotGraphql), `${who}/${site}: GraphQL ${field}: policy ${want}, answered ${JSON.stringify(result.errors).slice(0, 300)}`).toBe(true);
          });
        }
      }
    });
  }

  describe("export (and audit.read for the audit log's export)", () => {
    const EXPORTS: [string, (actor: Actor, params: Record<string, string>) => Promise<Response>, Action][] = [
      ...Object.entries(lists).map(([name, fn]) => [name, fn as (actor: Actor, params: Record<string, string>) => Promise<Response>, "export"] as [string, (actor: Actor, params: Record<string, string>) => Promise<Response>, Action]),
      ["exportAuditLogList", exportAuditLogList as (actor: Actor, params: Record<string, string>) => Promise<Response>, "audit.read"],
    ];
    for (const who of ROLES) {
      it(`${who}: every export answers as the policy decides`, async () => {
        for (const [name, run, action] of EXPORTS) {
          // The safety queue and eligibility lists are the investigator's (ae.sign / screening.signEligibility).
          const want = name === "exportStudyList" ? worst(expectedDecision(actors[who], "export"), expectedDecision(actors[who], "study.manage")) : name === "exportTaskList" ? worst(expectedDecision(actors[who], "export"), expectedDecision(actors[who], "task.read")) : name === "exportSafetyQueueList" ? worst(expectedDecision(actors[who], "export"), expectedDecision(actors[who], "ae.sign")) : name === "exportEligibilityList" ? worst(expectedDecision(actors[who], "export"), expectedDecision(actors[who], "screening.signEligibility")) : worst(expectedDecision(actors[who], "export"), expectedDecision(actors[who], action));
          let got: string;
          try {
            const response = await run(actors[who], {});
            got = restOutcome(response.status);
            await response.body?.cancel();
          } catch (error) {
            got = error instanceof AppError ? restOutcome(error.status) : `threw ${String(error)}`;
          }
          expect(agrees(who, want, got), `${name} as ${who}: policy ${want}, got ${got}`).toBe(true);
        }
      });
    }
  });
});

function worst(a: Decision, b: Decision): Decision {
  return a !== "allow" ? a : b;
}
