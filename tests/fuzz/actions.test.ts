/**
 * Hostile input on every server action (app/**\/actions.ts, each a `formAction`): the fields an
 * action reads are the string literals of its file (every `input.pick([...])` / `input.text("…")`
 * name, plus a few unknown ones), filled by fast-check with real ids, plausible values and the
 * classic payloads, sent as FormData to the action function itself on a real database. Never a
 * generic "Something went wrong" (the action's 500) or a thrown error other than Next's redirect,
 * and a refused form leaves every table as it was.
 *
 * Who is signed in is the one thing supplied: Auth.js's `auth()` answers with the caller's id and a
 * real server-side session (lib/auth/sessions.ts startSession: no request, no cookie jar outside
 * Next); the session and the actor are then read from the database as on every request
 * (lib/auth/actor.ts). A first test shows that this signs in for real, so the fuzzing below is not
 * a run of "please sign in" refusals. `next/cache` has no request store here, so revalidation is a no-op.
 * The sign-in form is left to tests/fuzz/rest.test.ts: POST /sessions runs the same
 * `authenticate()`, which the form reaches only through Auth.js's own request handling.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { startSession } from "@/lib/auth/sessions";
import { UnauthenticatedError } from "@/lib/errors";
import { withTestDb } from "@/tests/db";
import { HOSTILE_IDS, HOSTILE_STRINGS } from "./payloads";
import { fuzzRuns, Ledger, LEAK, fuzzSeed } from "./written";
import { buildWorld, CALLERS, type Caller, type World } from "./world";
import { signedIn } from "@/tests/in-process-request";

vi.mock("@/lib/auth", async () => (await import("@/tests/in-process-request")).authStandIn());
vi.mock("next/cache", async () => (await import("@/tests/in-process-request")).cacheStandIn);
vi.mock("next/headers", async () => (await import("@/tests/in-process-request")).headersStandIn({ "x-forwarded-for": "203.0.113.7", "user-agent": "fuzz" }));

withTestDb();

const ROOT = path.resolve(import.meta.dirname, "../..");
// Sign-out (app/logout-actions.ts) takes no input.
const modules = import.meta.glob<Record<string, unknown>>(["/app/**/actions.ts", "!/app/(auth)/login/actions.ts"]);
const UNEXPECTED = "Something went wrong. Nothing was saved; please try again.";
const RUNS = fuzzRuns(6);
/** Values that pass their field's own check, so the payload in the other fields reaches the database. */
const PLAUSIBLE: Record<string, string> = { noteType: "general", severity: "mild", grade: "1", onsetDate: "2024-02-01", awareAt: "2024-02-02T09:30", sexAtBirth: "female", dob: "1970-01-01" };

let world: World;
let cases = 0;
const ledger = new Ledger();
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => console.log(`Server-action fuzz: ${cases} cases over ${Object.keys(modules).length} action files (${RUNS} generated runs per action, plus the classic payloads)`));

/** The names an action's file can read: its string literals that look like field names. */
function fieldNames(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const names = new Set<string>();
  for (const m of source.matchAll(/"([a-z][A-Za-z]{1,40})"/g)) if (!["use", "server"].includes(m[1]!)) names.add(m[1]!);
  return [...names];
}

const isRedirect = (error: unknown) => error instanceof Error && /NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/.test(String((error as { digest?: string }).digest ?? error.message));

const sessions = new Map<Caller, string>();

async function signInAs(caller: Caller) {
  signedIn.id = world.f.users[caller].id;
  if (!sessions.has(caller)) sessions.set(caller, await startSession(signedIn.id, null));
  signedIn.sid = sessions.get(caller)!;
}

async function check(action: (prev: unknown, data: FormData) => Promise<unknown>, caller: Caller, data: FormData, label: string) {
  cases++;
  await signInAs(caller);
  const before = await ledger.before();
  let state: { status?: string; message?: string } | undefined;
  let thrown: unknown;
  try {
    state = (await action({ status: "idle" }, data)) as typeof state;
  } catch (error) {
    thrown = error;
  }
  const changes = await ledger.after(before);
  if (thrown !== undefined) {
    if (!isRedirect(thrown)) throw new Error(`${label} as ${caller}: threw ${String(thrown)}`);
    return; // Next's redirect: the action succeeded.
  }
  const shown = `${label} as ${caller}: ${JSON.stringify([...data.entries()].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 80) : "(file)"]))} → ${JSON.stringify(state)?.slice(0, 400)}`;
  expect(state?.message, shown).not.toBe(UNEXPECTED);
  expect(JSON.stringify(state ?? null), shown).not.toMatch(LEAK);
  if (state?.status === "error") expect(changes, shown).toEqual([]);
}

describe("server actions under hostile input", () => {
  it("runs as the signed-in caller: a valid form succeeds, and nobody signed in is refused", async () => {
    const { markAllReadAction } = (await modules["/app/(app)/notifications/actions.ts"]!()) as { markAllReadAction: (prev: unknown, data: FormData) => Promise<{ status: string; message?: string }> };
    await signInAs("coordA");
    expect((await markAllReadAction({ status: "idle" }, new FormData())).status).toBe("success");
    signedIn.id = null;
    expect(await markAllReadAction({ status: "idle" }, new FormData())).toMatchObject({ status: "error", message: new UnauthenticatedError().message });
  });

  for (const [file, load] of Object.entries(modules)) {
    it(file, async () => {
      const actions = Object.entries(await load()).filter((entry): entry is [string, (prev: unknown, data: FormData) => Promise<unknown>] => typeof entry[1] === "function");
      expect(actions.length).toBeGreaterThan(0);
      const names = fieldNames(file);
      const value = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...world.uuids) },
        { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
        { weight: 2, arbitrary: fc.constantFrom("1", "2", "on", "general", "mild", "2024-02-01", "2030-01-05T10:00", "A reason", "coordinator", "active") },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_IDS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
      );
      const form = fc.tuple(
        fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length }),
        fc.option(fc.constantFrom("__proto__", "constructor", "$ACTION_ID_x", "isAdmin"), { freq: 4 }),
        fc.boolean(),
      );
      const caller = fc.constantFrom<Caller>("coordA", "coordA", "invA", "admin", "coordB", "sponsor");
      for (const [name, action] of actions) {
        await fc.assert(
          fc.asyncProperty(caller, form, async (who, [fields, extra, withFile]) => {
            const data = new FormData();
            // An administration form aimed at a caller could disable or move them mid-run: aim it at the victims.
            const callerIds = new Set(CALLERS.map((c) => world.f.users[c].id));
            for (const [k, v] of Object.entries(fields)) data.append(k, k === "userId" && callerIds.has(v) ? world.ids.users![0]! : v);
            if (extra) data.append(extra, "1");
            if (withFile && names[0]) data.append(names[0], new Blob(["=cmd|' /C calc'!A0"]), "x.csv");
            await check(action, who, data, `${name}`);
          }),
          { numRuns: RUNS, seed: fuzzSeed() },
        );
        // Every field at once holding one classic payload.
        for (const payload of ["'; DROP TABLE subjects; --", "a\u0000b", "\ud800", "x".repeat(100_000), "=cmd|' /C calc'!A0"]) {
          const data = new FormData();
          for (const n of names) data.append(n, world.byKey[n] ?? (n === "id" || n.endsWith("Id") ? world.uuids[0]! : n === "version" ? "1" : PLAUSIBLE[n] ?? payload));
          await check(action, "coordA", data, `${name} (${JSON.stringify(payload.slice(0, 20))} everywhere)`);
        }
      }
      // The callers are who they were: a refusal above was the input's doing, not a lost account's.
      for (const caller of CALLERS) {
        const actor = await loadActor(world.f.users[caller].id);
        expect({ status: actor?.status, role: actor?.role, siteId: actor?.siteId }, `${caller} after ${file}`).toEqual({
          status: "active",
          role: world.f.users[caller].role,
          siteId: world.f.users[caller].siteId,
        });
      }
    });
  }
});
