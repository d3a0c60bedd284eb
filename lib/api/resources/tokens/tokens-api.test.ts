/**
 * /api/v1/tokens and the GraphQL token mutations: everyone manages their own personal tokens; a
 * token's secret is in the answer to its creation and nowhere else; only a session token may create one.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiTokens } from "@/db/schema";
import { FIXTURE_PASSWORD, withTwoSites } from "@/tests/fixtures";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";
import { expectNoSecret, mutate, send, statuses } from "@/tests/api/both-transports";
import { auditOf } from "@/tests/fixtures-safety";

const f = withTwoSites();

const TOKEN_FIELDS = ["id", "name", "prefix", "createdAt", "lastUsedAt", "expiresAt", "revokedAt"];

/** A person's tokens as stored, without the last-use stamp (bookkeeping that every request may move). */
async function storedTokens(userId: string) {
  const db = await getDb();
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId));
  return rows.map(({ lastUsedAt: _used, ...row }) => (void _used, row));
}

describe("REST /tokens", () => {
  it("creates a token whose secret is shown once, lists and reads it without the secret or hash, and revokes it; each audited", async () => {
    const session = await tokenFor(f.users.coordA.id);
    const created = await send("POST", "/tokens", session, { name: "Lab import", expiresInDays: 30, password: FIXTURE_PASSWORD });
    expect(created.status).toBe(201);
    const secret = created.body!.token as string;
    expect(secret).toMatch(/^tdp_/);
    expect(created.body).toMatchObject({ name: "Lab import", revokedAt: null, lastUsedAt: null });
    expect(Object.keys(created.body!).sort()).toEqual([...TOKEN_FIELDS, "token"].sort());
    expect(secret.startsWith(created.body!.prefix as string)).toBe(true);
    const id = created.body!.id as string;

    // The new token works; then it reads its own list.
    const api = apiClient(secret);
    expect((await api.GET("/api/v1/users/me", {})).data).toMatchObject({ id: f.users.coordA.id });
    const list = await api.GET("/api/v1/tokens", {});
    expect(list.response.status).toBe(200);
    expect(list.data!.data.map((t) => t.id)).toEqual([id]);
    expect(Object.keys(list.data!.data[0]!).sort()).toEqual([...TOKEN_FIELDS].sort());
    expect(list.data!.data[0]!.lastUsedAt).not.toBeNull();
    const one = await api.GET("/api/v1/tokens/{id}", { params: { path: { id } } });
    expect(one.data).toEqual(list.data!.data[0]);
    const [stored] = (await storedTokens(f.users.coordA.id)).filter((t) => t.id === id);
    expectNoSecret([list.data, one.data], secret, stored!.tokenHash);

    const revoked = await send("POST", `/tokens/${id}/revoke`, session);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, name: "Lab import" });
    expect(revoked.body!.revokedAt).not.toBeNull();
    expectNoSecret(revoked.body, secret, stored!.tokenHash);
    expect((await send("GET", "/users/me", secret)).status).toBe(401);
    expect((await send("POST", `/tokens/${id}/revoke`, session)).status).toBe(404); // already revoked

    const audit = await auditOf("api_token", id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["create", f.users.coordA.id],
      ["revoke", f.users.coordA.id],
    ]);
    expectNoSecret(audit, secret, stored!.tokenHash);
  });

  it("lets a personal token list and revoke, never create: a leaked one cannot mint a successor", async () => {
    const session = await tokenFor(f.users.invA.id);
    const personal = (await send("POST", "/tokens", session, { name: "Integration", password: FIXTURE_PASSWORD })).body!;
    const before = await storedTokens(f.users.invA.id);
    const refused = await send("POST", "/tokens", personal.token as string, { name: "Successor", expiresInDays: null, password: FIXTURE_PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.type).toBe("application/problem+json");
    const viaGql = await mutate(personal.token as string, "createPersonalToken", { input: { name: "Successor", password: FIXTURE_PASSWORD } }, ["token"]);
    expect(viaGql.codes).toEqual(["FORBIDDEN"]);
    expect(await storedTokens(f.users.invA.id)).toEqual(before);
    expect((await send("GET", "/tokens", personal.token as string)).status).toBe(200);
    // Revoking itself is allowed (rotating a token from the integration); it stops at once.
    expect((await send("POST", `/tokens/${personal.id as string}/revoke`, personal.token as string)).status).toBe(200);
    expect((await send("GET", "/tokens", personal.token as string)).status).toBe(401);
  });

  it("shows and revokes only the caller's own tokens, for every role; someone else's is 404", async () => {
    const own = (await send("POST", "/tokens", await tokenFor(f.users.sponsor.id), { name: "Sponsor dashboard", password: FIXTURE_PASSWORD })).body!;
    expect(own.name).toBe("Sponsor dashboard");
    for (const user of [f.users.coordB, f.users.admin]) {
      const token = await tokenFor(user.id);
      expect((await send("GET", "/tokens", token)).body!.data).toEqual([]);
      expect(await statuses([send("GET", `/tokens/${own.id as string}`, token), send("POST", `/tokens/${own.id as string}/revoke`, token)])).toEqual([404, 404]);
    }
    const sponsor = await clientFor(f.users.sponsor.id);
    expect((await sponsor.GET("/api/v1/tokens", {})).data!.data.map((t) => t.id)).toEqual([own.id]);
    expect((await apiClient().GET("/api/v1/tokens", {})).response.status).toBe(401);
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const session = await tokenFor(f.users.invB.id);
    const before = await storedTokens(f.users.invB.id);
    const post = (body: Record<string, unknown>) => send("POST", "/tokens", session, { password: FIXTURE_PASSWORD, ...body });
    const blank = await post({ name: " " });
    expect(blank.status).toBe(422);
    expect(blank.type).toBe("application/problem+json");
    expect((blank.body!.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["#/name"]);
    expect((await post({ name: "x".repeat(81) })).status).toBe(422);
    expect((await post({ name: "Ok", expiresInDays: 0 })).status).toBe(422);
    expect((await post({ name: "Ok", expiresInDays: 91 })).status).toBe(422);
    expect((await post({ name: "Ok", expiresInDays: 1.5 })).status).toBe(422);
    expect((await post({ name: "Ok", kind: "session" })).status).toBe(422);
    expect((await rawCall("POST", "/tokens", { token: session, body: "{" })).status).toBe(400);
    expect((await send("POST", "/tokens/not-a-token/revoke", session)).status).toBe(404);
    expect((await send("POST", "/tokens/00000000-0000-4000-8000-000000000000/revoke", session, { reason: "x" })).status).toBe(422);
    for (const query of ["order=name", "limit=201", "include=user"]) expect((await send("GET", `/tokens?${query}`, session)).status, query).toBe(400);
    expect(await storedTokens(f.users.invB.id)).toEqual(before);
  });

  it("needs the current password and caps the lifetime at 90 days (422 naming the field, nothing written, the password never echoed)", async () => {
    const session = await tokenFor(f.users.admin.id);
    const before = await storedTokens(f.users.admin.id);
    const pointers = (r: { body: Record<string, unknown> | null }) => (r.body!.errors as { pointer: string }[]).map((e) => e.pointer);
    const missing = await send("POST", "/tokens", session, { name: "No password" });
    expect([missing.status, pointers(missing)]).toEqual([422, ["#/password"]]);
    const wrong = await send("POST", "/tokens", session, { name: "Wrong", password: "Guessed-password-7" });
    expect([wrong.status, wrong.type, pointers(wrong)]).toEqual([422, "application/problem+json", ["#/password"]]);
    expect(JSON.stringify(wrong.body)).not.toContain("Guessed-password-7");
    const tooLong = await send("POST", "/tokens", session, { name: "Long", expiresInDays: 91, password: FIXTURE_PASSWORD });
    expect([tooLong.status, pointers(tooLong)]).toEqual([422, ["#/expiresInDays"]]);
    const viaGql = await mutate(session, "createPersonalToken", { input: { name: "Wrong", password: "Guessed-password-7" } }, ["token"]);
    expect(viaGql.codes).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(viaGql)).not.toContain("Guessed-password-7");
    expect(await storedTokens(f.users.admin.id)).toEqual(before);

    const created = await send("POST", "/tokens", session, { name: "Default lifetime", password: FIXTURE_PASSWORD });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty("password");
    const days = (Date.parse(created.body!.expiresAt as string) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(90);
  });
});

describe("GraphQL token mutations", () => {
  it("create and revoke as REST does: the secret once, then the same record as REST reads", async () => {
    const session = await tokenFor(f.users.coordB.id);
    const created = await mutate(session, "createPersonalToken", { input: { name: "Via GraphQL", expiresInDays: 7, password: FIXTURE_PASSWORD } }, [...TOKEN_FIELDS, "token"]);
    expect(created.errors).toEqual([]);
    const { token: secret, ...record } = created.answer!;
    expect(secret).toMatch(/^tdp_/);
    const id = record.id as string;
    expect(record).toEqual((await send("GET", `/tokens/${id}`, session)).body);
    expect((await send("GET", "/users/me", secret as string)).status).toBe(200);
    const revoked = await mutate(session, "revokePersonalToken", { id }, TOKEN_FIELDS);
    expect(revoked.errors).toEqual([]);
    expect(revoked.answer).toEqual((await send("GET", `/tokens/${id}`, session)).body);
    expect(revoked.answer!.revokedAt).not.toBeNull();
    expect((await send("GET", "/users/me", secret as string)).status).toBe(401);
    expect((await auditOf("api_token", id)).map((a) => a.action)).toEqual(["create", "revoke"]);

    expect((await mutate(session, "revokePersonalToken", { id })).codes).toEqual(["NOT_FOUND"]);
    expect((await mutate(session, "createPersonalToken", { input: { name: "", password: FIXTURE_PASSWORD } })).codes).toEqual(["BAD_USER_INPUT"]);
  });
});
