/**
 * The authorization matrix for page reads, in this process: each page (and the layouts above it,
 * outermost first, as Next renders them) is called as the server component it is, for each role
 * and a record of their own site or the other one. What it does must be what the policy decides:
 * render (allow), Next's notFound() (404), forbidden() or a lib ForbiddenError (403), or a redirect
 * to sign-in / the pending page for a pending or disabled account. The JSX a page returns is not
 * rendered further: the page's own read is the check (child components only show what it read).
 *
 * As in the server-action files, Auth.js's `auth()` answers with the caller's id and a real
 * server-side session; everything after it is the app's own.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { studies } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { startSession } from "@/lib/auth/sessions";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { decide, type Action, type Decision, type Resource } from "@/lib/policy";
import { insertAe } from "@/tests/fixtures-aes";
import { addSubject } from "@/tests/fixtures-screening";
import { makeVisit } from "@/tests/fixtures-visits";
import { withTwoSites } from "@/tests/fixtures";
import { signedIn } from "@/tests/in-process-request";
import { attemptOf, ROLES, setUpCallers, siteOf, type Site, type Who } from "@/tests/authorization-matrix-world";

vi.mock("@/lib/auth", async () => (await import("@/tests/in-process-request")).authStandIn());
vi.mock("next/cache", async () => (await import("@/tests/in-process-request")).cacheStandIn);
vi.mock("next/headers", async () => (await import("@/tests/in-process-request")).headersStandIn({ "user-agent": "matrix" }));

// next.config.ts turns on `experimental.authInterrupts` (forbidden()); `next build` passes it to
// the server as this variable, which is what next/navigation reads.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const f = withTwoSites();


let actors: Record<Who, Actor>;
let sessions: Record<Who, string>;

beforeAll(async () => {
  ({ actors, credentials: sessions } = await setUpCallers(f, "pm", (id) => startSession(id, null)));
});

const at = (site: Site) => siteOf(f, site);

type Page = {
  /** Under app/(app)/. */
  route: string;
  /** Every action the page and its layouts ask, each on the record when there is one. */
  actions: Action[];
  record?: (site: Site) => Promise<{ id: string; resource: Resource }>;
};

const PAGES: Page[] = [
  { route: "subjects/[id]", actions: ["subject.read"], record: async (site) => { const s = await addSubject(f, at(site).site); return { id: s.id, resource: s }; } },
  { route: "visits/[id]", actions: ["visit.read"], record: async (site) => { const v = await makeVisit(f, { scheduledAt: new Date(Date.now() + 5 * 86_400_000) }, at(site).site); return { id: v.id, resource: v }; } },
  {
    route: "adverse-events/[id]",
    actions: ["ae.read"],
    record: async (site) => { const p = at(site); const a = await insertAe(f, { siteId: p.siteId, studyId: p.studyId, subjectId: p.subject.id, reportedById: p.coord.id }); return { id: a.id, resource: a }; },
  },
  {
    route: "admin/studies/[id]",
    actions: ["user.manage", "study.manage"],
    record: async (site) => {
      const p = at(site);
      const db = await getDb();
      const [s] = await db.insert(studies).values({ protocolId: `PM-${Math.random().toString(36).slice(2, 8)}`, title: "Page study", status: "recruiting", principalInvestigatorId: p.inv.id, siteId: p.siteId }).returning();
      return { id: s!.id, resource: { siteId: s!.siteId, studyId: s!.id } };
    },
  },
  { route: "admin/sites/[id]", actions: ["user.manage", "site.manage"], record: async (site) => ({ id: at(site).siteId, resource: { siteId: at(site).siteId } }) },
  { route: "admin/users", actions: ["user.manage"] },
  { route: "admin/sites", actions: ["user.manage", "site.manage"] },
  { route: "admin/studies", actions: ["user.manage", "study.manage"] },
  { route: "admin/outbox", actions: ["user.manage", "outbox.manage"] },
  { route: "audit", actions: ["audit.read"] },
  { route: "safety", actions: ["ae.assess"] },
  { route: "safety/eligibility", actions: ["ae.assess", "screening.signEligibility"] },
  { route: "tasks", actions: ["task.read"] },
];

const modules = import.meta.glob<{ default: (props: Record<string, unknown>) => Promise<unknown> }>(["/app/**/page.tsx", "/app/**/layout.tsx"]);
const ROOT = path.resolve(import.meta.dirname, "..");

/** The layouts above a page (and beside it), outermost first, then the page. */
function chain(route: string): string[] {
  const parts = route.split("/");
  const dirs = parts.map((_, i) => ["/app/(app)", ...parts.slice(0, i + 1)].join("/"));
  const layouts = ["/app/(app)", ...dirs].map((dir) => `${dir}/layout.tsx`).filter((file) => fs.existsSync(path.join(ROOT, file)));
  return [...layouts, `/app/(app)/${route}/page.tsx`];
}


/** The first refusal among the page's actions (layouts guard before the page reads). */
function expected(who: Who, actions: Action[], resource?: Resource): Decision {
  for (const action of actions) {
    const attempt = attemptOf(actors[who], action);
    if (attempt !== "allow") return attempt;
    if (resource) {
      const decision = decide(actors[who], action, { siteId: resource.siteId ?? null, studyId: resource.studyId ?? null });
      if (decision !== "allow") return decision;
    }
  }
  return "allow";
}

function outcomeOf(error: unknown): string {
  const digest = String((error as { digest?: string })?.digest ?? "");
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "not_found";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;403")) return "forbidden";
  if (digest.startsWith("NEXT_REDIRECT")) return /\/login|\/pending/.test(digest) ? "unauthenticated" : `redirect ${digest}`;
  if (error instanceof NotFoundError) return "not_found";
  if (error instanceof ForbiddenError) return "forbidden";
  if (error instanceof UnauthenticatedError) return "unauthenticated";
  return `threw ${String(error)}`;
}

async function visit(route: string, id: string | undefined): Promise<string> {
  const props = { params: Promise.resolve(id ? { id } : {}), searchParams: Promise.resolve({}), children: null };
  try {
    for (const file of chain(route)) {
      const load = modules[file];
      if (!load) throw new Error(`no module ${file}`);
      await (await load()).default(props);
    }
    return "allow";
  } catch (error) {
    return outcomeOf(error);
  }
}

describe("authorization matrix: page reads", () => {
  for (const page of PAGES) {
    for (const who of ROLES) {
      for (const site of page.record ? (["own", "foreign"] as const) : (["own"] as const)) {
        it(`/${page.route}: ${who}${page.record ? ` on ${site === "own" ? "their own" : "the other"} site` : ""}`, async () => {
          const record = page.record ? await page.record(site) : undefined;
          const want = expected(who, page.actions, record?.resource);
          signedIn.id = actors[who].id;
          signedIn.sid = sessions[who];
          const got = await visit(page.route, record?.id);
          const ok = who === "pending" || who === "disabled" ? got === "unauthenticated" || got === "forbidden" : got === want;
          expect(ok, `policy ${want}, the page: ${got}`).toBe(true);
        });
      }
    }
  }
});
