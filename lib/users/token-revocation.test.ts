/**
 * A person's API tokens (personal and session) end when an admin resets their password or disables
 * them — in the same transaction as that change, each revocation audited — and a re-enabled
 * account does not get them back. (Issue 12, finding 12.)
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiTokens, auditEvents, users } from "@/db/schema";
import { createSessionToken } from "@/lib/api/tokens";
import { newTokenSecret } from "@/lib/api/token-secret";
import { apiClient } from "@/tests/api/client";
import { withTwoSites } from "@/tests/fixtures";
import { ConflictError } from "../errors";
import { setUserStatus } from "./admin";
import { resetPassword } from "./password-reset";

const f = withTwoSites();

const TEMP = "Temporary-pass-42";
const me = async (token: string) => (await apiClient(token).GET("/api/v1/users/me", {})).response.status;

/** A session token and a personal token (written straight in: this test is about revocation). */
async function tokensOf(userId: string) {
  const db = await getDb();
  const [user] = await db.select({ id: users.id, username: users.username, siteId: users.siteId }).from(users).where(eq(users.id, userId));
  const session = (await createSessionToken(user!, null)).token;
  const secret = newTokenSecret("personal");
  await db.insert(apiTokens).values({
    userId,
    kind: "personal",
    name: "Script",
    tokenHash: secret.hash,
    prefix: secret.prefix,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { session, personal: secret.token };
}

async function liveTokens(userId: string) {
  const db = await getDb();
  return db.select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.userId, userId));
}

async function revocationAudits(userId: string) {
  const db = await getDb();
  const ids = (await liveTokens(userId)).map((t) => t.id);
  const rows = await db.select().from(auditEvents).where(and(eq(auditEvents.entity, "api_token"), eq(auditEvents.action, "revoke")));
  return rows.filter((r) => r.entityId !== null && ids.includes(r.entityId));
}

describe("tokens end with the password or the account", () => {
  it("an admin's password reset revokes all of the user's personal and session tokens, audited; others' stay", async () => {
    const admin = await f.actor(f.users.admin.id);
    const mine = await tokensOf(f.users.coordA.id);
    const others = await tokensOf(f.users.coordB.id);
    expect([await me(mine.session), await me(mine.personal)]).toEqual([200, 200]);

    await resetPassword(admin, { userId: f.users.coordA.id, version: 1, password: TEMP, confirmPassword: TEMP });

    expect([await me(mine.session), await me(mine.personal)]).toEqual([401, 401]);
    expect((await liveTokens(f.users.coordA.id)).every((t) => t.revokedAt !== null)).toBe(true);
    const audits = await revocationAudits(f.users.coordA.id);
    expect(audits).toHaveLength(2);
    for (const a of audits) expect(a).toMatchObject({ actorId: admin.id, reason: "Password reset by an administrator" });
    expect(JSON.stringify(audits)).not.toContain(TEMP);
    expect([await me(others.session), await me(others.personal)]).toEqual([200, 200]);
  });

  it("a refused reset (stale version) revokes nothing: the revocation is in the reset's transaction", async () => {
    const admin = await f.actor(f.users.admin.id);
    const mine = await tokensOf(f.users.invB.id);
    await expect(resetPassword(admin, { userId: f.users.invB.id, version: 7, password: TEMP, confirmPassword: TEMP })).rejects.toBeInstanceOf(ConflictError);
    expect([await me(mine.session), await me(mine.personal)]).toEqual([200, 200]);
    expect(await revocationAudits(f.users.invB.id)).toEqual([]);
  });

  it("disabling revokes them, audited with the reason; re-enabling does not bring them back", async () => {
    const admin = await f.actor(f.users.admin.id);
    const mine = await tokensOf(f.users.sponsor.id);
    await setUserStatus(admin, { userId: f.users.sponsor.id, status: "disabled", version: 1, reason: "Left the sponsor" });
    expect((await liveTokens(f.users.sponsor.id)).every((t) => t.revokedAt !== null)).toBe(true);
    const audits = await revocationAudits(f.users.sponsor.id);
    expect(audits).toHaveLength(2);
    for (const a of audits) expect(a).toMatchObject({ actorId: admin.id, reason: "Account disabled: Left the sponsor" });

    await setUserStatus(admin, { userId: f.users.sponsor.id, status: "active", version: 2, reason: "Back" });
    expect([await me(mine.session), await me(mine.personal)]).toEqual([401, 401]);
    expect(await revocationAudits(f.users.sponsor.id)).toHaveLength(2);
  });
});
