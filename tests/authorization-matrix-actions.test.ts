/**
 * The authorization matrix for the web app's server actions (the form entry point; REST, GraphQL
 * and exports are in tests/authorization-matrix.test.ts): for each policy action a form performs,
 * each role (admin, coordinator, investigator, sponsor, pending, disabled) and a record of their
 * own site or of the other one (for a personal action: their own or someone else's), the form's
 * answer must be what the policy decides — saved (or Next's redirect), "You are not allowed to do
 * that", "… not found", or, for a pending or disabled account, "Please sign in". Fresh records per
 * cell.
 *
 * As in tests/fuzz/actions.test.ts, Auth.js's `auth()` answers with the caller's id and a real
 * server-side session (lib/auth/sessions.ts); everything after it — the session check, the actor,
 * the policy, the write — is the app's own. `next/cache` has no request store here: a no-op.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { sites, studies, subjectNotes } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { startSession } from "@/lib/auth/sessions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { ACTIONS, type Action, type Resource } from "@/lib/policy";
import { insertAe } from "@/tests/fixtures-aes";
import { insertNotification } from "@/tests/fixtures-notifications";
import { addScreening, addSubject } from "@/tests/fixtures-screening";
import { insertTask } from "@/tests/fixtures-tasks";
import { makeVisit } from "@/tests/fixtures-visits";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { signedIn } from "@/tests/in-process-request";
import { expectedDecision, ROLES, setUpCallers, siteOf, type Site, type Who } from "@/tests/authorization-matrix-world";

vi.mock("@/lib/auth", async () => (await import("@/tests/in-process-request")).authStandIn());
vi.mock("next/cache", async () => (await import("@/tests/in-process-request")).cacheStandIn);
vi.mock("next/headers", async () => (await import("@/tests/in-process-request")).headersStandIn({ "user-agent": "matrix" }));

const f = withTwoSites();

type FormAction = (prev: unknown, data: FormData) => Promise<{ status?: string; message?: string } | undefined>;

let actors: Record<Who, Actor>;
let sessions: Record<Who, string>;
let seq = 0;
const n = () => ++seq;

beforeAll(async () => {
  ({ actors, credentials: sessions } = await setUpCallers(f, "fm", (id) => startSession(id, null)));
});

const at = (site: Site) => siteOf(f, site);

const COMPLETE = { dob: "1980-02-03", sexAtBirth: "female" as const };

type Cell = { resource?: Resource; fields: Record<string, string | string[]> };
type Probe = { file: string; action: string; cell: (site: Site, who: Who) => Promise<Cell> };

const form = (fields: Record<string, string | number | string[]>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));

async function note(site: Site) {
  const p = at(site);
  const db = await getDb();
  const [row] = await db.insert(subjectNotes).values({ siteId: p.siteId, studyId: p.studyId, subjectId: p.subject.id, authorId: p.coord.id, noteType: "general", noteText: "Form note" }).returning();
  return row!;
}
const ae = (site: Site, values: Record<string, unknown> = {}) => {
  const p = at(site);
  return insertAe(f, { siteId: p.siteId, studyId: p.studyId, subjectId: p.subject.id, reportedById: p.coord.id, ...values });
};

const SUBJECT = "/app/(app)/subjects/[id]/actions.ts";
const PROBES: Partial<Record<Action, Probe>> = {
  "note.create": { file: SUBJECT, action: "addNoteAction", cell: async (site) => ({ resource: { siteId: at(site).siteId, studyId: at(site).studyId }, fields: form({ subjectId: at(site).subject.id, noteType: "call", noteText: "Called" }) }) },
  "note.update": { file: SUBJECT, action: "editNoteAction", cell: async (site) => { const r = await note(site); return { resource: r, fields: form({ id: r.id, version: r.version, noteType: "call", noteText: "Edited", reason: "Typo" }) }; } },
  "note.retire": { file: SUBJECT, action: "retireNoteAction", cell: async (site) => { const r = await note(site); return { resource: r, fields: form({ id: r.id, version: r.version, reason: "Entered in error" }) }; } },
  "subject.withdraw": { file: SUBJECT, action: "withdrawAction", cell: async (site) => { const s = await addSubject(f, at(site).site, { ...COMPLETE, status: "enrolled" }); return { resource: s, fields: form({ id: s.id, version: s.version, reason: "Moved away" }) }; } },
  "subject.exit": { file: SUBJECT, action: "completeAction", cell: async (site) => { const s = await addSubject(f, at(site).site, { ...COMPLETE, status: "enrolled" }); return { resource: s, fields: form({ id: s.id, version: s.version, exitDate: "2025-03-01", reason: "Finished" }) }; } },
  "subject.retire": { file: SUBJECT, action: "retireSubjectAction", cell: async (site) => { const s = await addSubject(f, at(site).site); return { resource: s, fields: form({ id: s.id, version: s.version, reason: "Entered in error" }) }; } },
  "screening.retire": { file: SUBJECT, action: "retireScreeningAction", cell: async (site) => { const r = await addScreening(await addSubject(f, at(site).site), at(site).coord.id); return { resource: r, fields: form({ id: r.id, version: r.version, reason: "Entered in error" }) }; } },
  "screening.record": {
    file: "/app/(app)/screening/actions.ts",
    action: "recordScreeningAction",
    cell: async (site) => { const s = await addSubject(f, at(site).site); return { resource: s, fields: form({ subjectId: s.id, subjectVersion: s.version, screeningStatus: "pending", screeningDate: "2025-01-15" }) }; },
  },
  "visit.create": {
    file: "/app/(app)/visits/new/actions.ts",
    action: "scheduleVisitAction",
    cell: async (site) => ({ resource: { siteId: at(site).siteId, studyId: at(site).studyId }, fields: form({ subjectId: at(site).subject.id, visitType: "treatment", scheduledAt: `2031-0${1 + (n() % 9)}-1${n() % 9}T10:00`, location: "Clinic" }) }),
  },
  "visit.update": { file: "/app/(app)/visits/[id]/actions.ts", action: "cancelAction", cell: async (site) => { const v = await makeVisit(f, { scheduledAt: new Date(Date.now() + 9 * 86_400_000) }, at(site).site); return { resource: v, fields: form({ id: v.id, version: v.version, cancelReason: "Subject asked" }) }; } },
  "visit.retire": { file: "/app/(app)/visits/[id]/actions.ts", action: "retireVisitAction", cell: async (site) => { const v = await makeVisit(f, { scheduledAt: new Date(Date.now() + 9 * 86_400_000) }, at(site).site); return { resource: v, fields: form({ id: v.id, version: v.version, reason: "Entered in error" }) }; } },
  "ae.report": {
    file: "/app/(app)/adverse-events/actions.ts",
    action: "reportAeAction",
    cell: async (site) => ({ resource: { siteId: at(site).siteId, studyId: at(site).studyId }, fields: form({ subjectId: at(site).subject.id, eventTerm: "Rash", severity: "mild", grade: 1, onsetDate: "2024-02-01", awareAt: "2024-02-02T09:30" }) }),
  },
  "ae.update": { file: "/app/(app)/adverse-events/actions.ts", action: "updateAeAction", cell: async (site) => { const a = await ae(site); return { resource: a, fields: form({ id: a.id, version: a.version, reason: "Correction", eventTerm: "Migraine", severity: "mild", grade: 1, onsetDate: "2024-02-01", awareAt: "2024-02-01T09:00" }) }; } },
  "ae.retire": { file: "/app/(app)/adverse-events/actions.ts", action: "retireAeAction", cell: async (site) => { const a = await ae(site); return { resource: a, fields: form({ id: a.id, version: a.version, reason: "Entered in error" }) }; } },
  "ae.assess": { file: "/app/(app)/safety/actions.ts", action: "assessAction", cell: async (site) => { const a = await ae(site); return { resource: a, fields: form({ id: a.id, version: a.version, causality: "possible", expectedness: "expected", grade: 1, outcome: "recovering" }) }; } },
  "ae.notifySponsor": { file: "/app/(app)/safety/actions.ts", action: "notifySponsorAction", cell: async (site) => { const a = await ae(site, { serious: true, seriousnessCriteria: ["hospitalization"], severity: "severe", grade: 3 }); return { resource: a, fields: form({ id: a.id, version: a.version }) }; } },
  "task.create": {
    file: "/app/(app)/tasks/actions.ts",
    action: "createTaskAction",
    cell: async (site) => ({ resource: { siteId: at(site).siteId, studyId: at(site).studyId }, fields: form({ about: `subject:${at(site).subject.id}`, title: "Call back", dueAt: "2031-03-02T10:00", assignee: "coordinator" }) }),
  },
  "task.update": { file: "/app/(app)/tasks/actions.ts", action: "completeTaskAction", cell: async (site) => { const t = await insertTask(f, {}, at(site).site); return { resource: t, fields: form({ id: t.id, version: t.version }) }; } },
  "site.manage": {
    file: "/app/(app)/admin/sites/actions.ts",
    action: "updateSiteAction",
    cell: async (site) => { const db = await getDb(); const [s] = await db.select().from(sites).where(eq(sites.id, at(site).siteId)); return { fields: form({ id: s!.id, version: s!.version, name: s!.name, timezone: s!.timezone }) }; },
  },
  "user.manage": { file: "/app/(app)/admin/users/actions.ts", action: "setStatusAction", cell: async (site) => { const u = await makeUser(`fm_target_${n()}`, "coordinator", at(site).siteId); return { fields: form({ userId: u.id, version: u.version, status: "disabled", reason: "Left" }) }; } },
  "study.manage": {
    file: "/app/(app)/admin/studies/actions.ts",
    action: "updateStudyAction",
    cell: async (site) => {
      const p = at(site);
      const db = await getDb();
      const [s] = await db.insert(studies).values({ protocolId: `FM-${n()}`, title: "Form study", status: "recruiting", principalInvestigatorId: p.inv.id, siteId: p.siteId }).returning();
      return { resource: { siteId: s!.siteId, studyId: s!.id }, fields: form({ id: s!.id, version: s!.version, protocolId: s!.protocolId, title: "Renamed", status: s!.status, principalInvestigatorId: p.inv.id, siteId: p.siteId }) };
    },
  },
  "notification.manage": {
    file: "/app/(app)/notifications/actions.ts",
    action: "markReadAction",
    cell: async (site, who) => { const owner = site === "own" ? actors[who].id : f.users.coordB.id; const item = await insertNotification(owner); return { resource: { siteId: null, authorId: owner }, fields: form({ id: item.id }) }; },
  },
};

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts");


const isRedirect = (error: unknown) => error instanceof Error && /NEXT_REDIRECT/.test(String((error as { digest?: string }).digest ?? error.message));

async function outcome(run: FormAction, fields: Record<string, string | string[]>): Promise<string> {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  let state;
  try {
    state = await run({ status: "idle" }, data);
  } catch (error) {
    if (isRedirect(error)) return "allow";
    throw error;
  }
  if (state?.status === "success") return "allow";
  if (state?.message === new ForbiddenError().message) return "forbidden";
  if (state?.message === new UnauthenticatedError().message) return "unauthenticated";
  if (/not found/i.test(state?.message ?? "")) return "not_found";
  return `answered ${JSON.stringify(state).slice(0, 300)}`;
}

describe("authorization matrix: server actions", () => {
  it("covers every action a form performs that the REST matrix covers too", () => {
    const missing = ACTIONS.filter((a) => !PROBES[a]);
    // Reads are pages, signing needs the session's signing state, the rest have no form of their own.
    expect(missing.every((a) => /\.read$|sign|enroll|subject\.create|subject\.update|screening\.update|export|token|preferences|password|outbox|audit/.test(a)), missing.join(", ")).toBe(true);
  });

  for (const [action, probe] of Object.entries(PROBES) as [Action, Probe][]) {
    for (const who of ROLES) {
      for (const site of ["own", "foreign"] as const) {
        it(`${action}: ${who} on ${site === "own" ? "their own" : "the other"} site (${probe.action})`, async () => {
          const run = (await modules[probe.file]!())[probe.action] as FormAction;
          expect(run, `${probe.file} ${probe.action}`).toBeTypeOf("function");
          const cell = await probe.cell(site, who);
          const want = expectedDecision(actors[who], action, cell.resource);
          signedIn.id = actors[who].id;
          signedIn.sid = sessions[who];
          const got = await outcome(run, cell.fields);
          const ok = who === "pending" || who === "disabled" ? got === "unauthenticated" || got === "forbidden" : got === want;
          expect(ok, `policy ${want}, the form: ${got}`).toBe(true);
        });
      }
    }
  }
});
