/**
 * E-signature guessing (issue 12, finding 5): a wrong signing password counts in the login
 * throttle, and five in 15 minutes lock signing (RateLimitedError → 429), written to the audit
 * trail once per lock however many refused attempts follow; the first signature of a web session
 * asks for username and password, later ones the password; the API (no session) asks for both
 * every time (21 CFR 11.200(a)(1)).
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { rawCall, tokenFor } from "@/tests/api/client";
import { testDb, withTestDb } from "@/tests/db";
import { FIXTURE_PASSWORD, twoSites } from "@/tests/fixtures";
import { consentBoth, insertAe } from "@/tests/fixtures-aes";
import { signatureCounts } from "@/tests/fixtures-safety";
import { authenticate, PAIR_LIMIT } from "../auth/credentials";
import { loadSessionActor } from "../auth/load-actor";
import { gql } from "../graphql/test-client";
import { startSession } from "../auth/sessions";
import { RateLimitedError, ValidationError } from "../errors";
import { unlockSignIn } from "../users/unlock";
import { USERNAME_NEEDED, WRONG_CREDENTIALS, WRONG_PASSWORD } from "./password-check";
import { signAdverseEvent } from "./sign-ae";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
});

const assessed = () => insertAe(f, { causality: "possible", expectedness: "expected", outcome: "recovering", assessedAt: new Date("2024-02-02T10:00:00Z") });

async function auditCount(action: string, actorId: string) {
  const db = await testDb();
  return (await db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, actorId)))).length;
}

describe("signature components", () => {
  it("the first signature of a web session needs the username too; later ones the password alone", async () => {
    const inv = await f.actor(f.users.invA.id);
    const session = { id: await startSession(inv.id, null) };
    const [first, second] = [await assessed(), await assessed()];
    const missing = await signAdverseEvent(inv, { id: first.id, version: 1, password: FIXTURE_PASSWORD }, session).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.fieldErrors).toEqual({ username: [USERNAME_NEEDED] });
    const wrongName = await signAdverseEvent(inv, { id: first.id, version: 1, username: "inv_b", password: FIXTURE_PASSWORD }, session).catch((e) => e);
    expect(wrongName.fieldErrors).toEqual({ username: [WRONG_CREDENTIALS], password: [WRONG_CREDENTIALS] });
    expect(await auditCount("sign.failed", inv.id)).toBe(1);
    // Both components: signed, and the session remembers it.
    await signAdverseEvent(inv, { id: first.id, version: 1, username: "INV_A", password: FIXTURE_PASSWORD }, session);
    expect(await loadSessionActor(inv.id, session.id)).toMatchObject({ signed: true });
    const wrong = await signAdverseEvent(inv, { id: second.id, version: 1, password: "not-it" }, session).catch((e) => e);
    expect(wrong.fieldErrors).toEqual({ password: [WRONG_PASSWORD] });
    await signAdverseEvent(inv, { id: second.id, version: 1, password: FIXTURE_PASSWORD }, session);
    // A new session starts over.
    const third = await assessed();
    const fresh = { id: await startSession(inv.id, null) };
    await expect(signAdverseEvent(inv, { id: third.id, version: 1, password: FIXTURE_PASSWORD }, fresh)).rejects.toMatchObject({ fieldErrors: { username: [USERNAME_NEEDED] } });
  });

  it("without a session (the API) every signature needs both", async () => {
    const inv = await f.actor(f.users.invA.id);
    const [one, two] = [await assessed(), await assessed()];
    await signAdverseEvent(inv, { id: one.id, version: 1, username: "inv_a", password: FIXTURE_PASSWORD });
    await expect(signAdverseEvent(inv, { id: two.id, version: 1, password: FIXTURE_PASSWORD })).rejects.toMatchObject({ fieldErrors: { username: [USERNAME_NEEDED] } });
  });
});

describe("signing lock", () => {
  it("five wrong passwords in 15 minutes lock signing, even with the right one; one audit row per lock; an admin unlocks", async () => {
    // Site B's investigator, so the other tests' signatures (site A) do not share the counter.
    const signer = await f.actor(f.users.invB.id);
    const session = { id: await startSession(signer.id, null) };
    const target = await insertAe(f, {
      siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, reportedById: f.users.coordB.id,
      causality: "possible", expectedness: "expected", outcome: "recovering", assessedAt: new Date("2024-02-02T10:00:00Z"),
    });
    const input = (password: string) => ({ id: target.id, version: 1, username: signer.username, password });
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      const wrong = await signAdverseEvent(signer, input(`wrong-${i}`), session).catch((e) => e);
      expect(wrong).toBeInstanceOf(ValidationError);
      expect(wrong.message).toBe(WRONG_CREDENTIALS);
    }
    const before = await signatureCounts();
    for (let i = 0; i < 20; i++) {
      const locked = await signAdverseEvent(signer, input(FIXTURE_PASSWORD)).catch((e) => e);
      expect(locked).toBeInstanceOf(RateLimitedError);
      expect(locked.message).toMatch(/^Too many wrong passwords: signing is locked\. Try again in \d+ minutes?, or ask your administrator to unlock it\.$/);
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Twenty refusals, one audit row (the lock), no signature.
    const after = await signatureCounts();
    expect(after.signatures).toBe(before.signatures);
    expect(after.audits).toBe(before.audits + 1);
    expect(await auditCount("sign.locked", signer.id)).toBe(1);
    expect(await auditCount("sign.failed", signer.id)).toBe(PAIR_LIMIT.max);
    // REST and GraphQL say the same: 429 with Retry-After, whatever the password.
    const token = await tokenFor(signer.id);
    const rest = await rawCall("POST", `/adverse-events/${target.id}/signature`, { token, body: JSON.stringify({ version: 1, username: signer.username, password: FIXTURE_PASSWORD }) });
    expect(rest.status).toBe(429);
    expect(Number(rest.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(rest.type).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(rest.body)).toMatch(/signing is locked/);
    const graph = await gql(token, `mutation($id: ID!, $input: SignAdverseEventInput!) { signAdverseEvent(id: $id, input: $input) { id } }`, {
      id: target.id,
      input: { version: 1, username: signer.username, password: FIXTURE_PASSWORD },
    });
    expect(graph.codes).toEqual(["RATE_LIMITED"]);
    // Signing is locked, not the person's sign-in.
    expect((await authenticate({ username: signer.username, password: FIXTURE_PASSWORD }, "10.4.0.1")).ok).toBe(true);
    // An admin's unlock lifts it.
    await unlockSignIn(await f.actor(f.users.admin.id), { userId: signer.id });
    await signAdverseEvent(signer, input(FIXTURE_PASSWORD));
  });
});
