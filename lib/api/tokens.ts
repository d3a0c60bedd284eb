/**
 * API tokens: session tokens (POST /api/v1/sessions, for apps that sign a person in) and named
 * personal tokens (created on the settings page, for integrations). Both are stored hashed, both
 * expire (a personal token after at most API_TOKEN_MAX_DAYS) and can be revoked, and every creation
 * and revocation is audited. Creating a personal token takes the person's current password; all of
 * a person's tokens end when their password is reset or changed and when their account is disabled
 * (revokeAllTokensOf, inside that change's transaction).
 */
import "server-only";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "../actor";
import { giveBackReentrySlot, reentryLockMessage, takeReentrySlot } from "../auth/credentials";
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "../errors";
import { verifyPassword } from "../password";
import { authorize } from "../policy";
import { parseFor, write, writeAsSystem, type Writer } from "../write/road";
import { newTokenSecret } from "./token-secret";
import { positiveIntEnv } from "../env-number";

/** A signed-in app's token lives as long as a web session. */
export const SESSION_TOKEN_HOURS = 12;
/** Personal tokens per person that are not revoked: enough for real integrations, bounded. */
const MAX_PERSONAL_TOKENS = 20;

/**
 * The longest a personal token may live, in days (`API_TOKEN_MAX_DAYS`, default 90): a token made
 * without an expiry gets this one, and a longer one is refused. A token stored without an expiry
 * (made before the limit) stops this many days after its creation (lib/api/authenticate.ts).
 */
export function apiTokenMaxDays(): number {
  return positiveIntEnv("API_TOKEN_MAX_DAYS", 90);
}

export const WRONG_TOKEN_PASSWORD = "The password is not correct. No token was created.";

type AuditedUser = Pick<Actor, "id" | "username"> & { siteId: string | null };

export async function createSessionToken(
  user: AuditedUser,
  clientAddress: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const secret = newTokenSecret("session");
  const expiresAt = new Date(Date.now() + SESSION_TOKEN_HOURS * 3600_000);
  // Right after the password check (lib/auth/credentials.ts): the signed-in person is the author.
  await writeAsSystem(user, (w) =>
    w.insert(
      "api_token",
      { userId: user.id, kind: "session", name: "API session", tokenHash: secret.hash, prefix: secret.prefix, expiresAt },
      { audit: "session.create", changes: {}, siteId: user.siteId, clientAddress },
    ),
  );
  return { token: secret.token, expiresAt };
}

/** Logging out of the API: the token stops working at once. */
export async function revokeSessionToken(actor: Actor, tokenId: string, clientAddress: string | null): Promise<void> {
  await write(actor, "token.manage", async (w) => {
    const [token] = await w.loadWhere("api_token", and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt))!);
    if (!token) return;
    await w.update(token, { revokedAt: new Date() }, { audit: "logout", changes: {}, siteId: actor.siteId, clientAddress });
  });
}

export const createPersonalTokenSchema = z
  .object({
    name: z
      .string({ error: "Name the token." })
      .trim()
      .min(1, "Name the token, e.g. after the integration that will use it.")
      .max(80, "Use at most 80 characters."),
    /** Days until it expires; empty for the longest a token may live (API_TOKEN_MAX_DAYS, 90 by default). */
    expiresInDays: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? null : v),
      z.coerce
        .number({ error: "Enter a number of days." })
        .int("Enter a whole number of days.")
        .min(1, "At least 1 day.")
        .nullable()
        .superRefine((days, ctx) => {
          const max = apiTokenMaxDays();
          if (days !== null && days > max) ctx.addIssue({ code: "custom", message: `At most ${max} days: tokens expire after ${max} days at the latest.` });
        })
        .describe("Days until the token expires, at most API_TOKEN_MAX_DAYS (90 unless configured); null or absent for that maximum."),
    ),
    /** The person's current password: a token acts as them, so making one asks who they are. */
    password: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(1000)
      .describe("Your current password. Checked, never stored, logged or returned."),
  })
  .strict();

export type PersonalToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

/** What a person sees of a token: never its hash. */
export const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

const personalToken = (row: typeof apiTokens.$inferSelect): PersonalToken =>
  Object.fromEntries(Object.keys(tokenColumns).map((key) => [key, row[key as keyof PersonalToken]])) as PersonalToken;

/**
 * Creates a personal token and returns its secret — the only time anyone sees it.
 *
 * Over the API (`POST /tokens`), `via` is the kind of token the request came with, and only a
 * session token may create one: that is a person who has just given their password. A personal
 * token that could mint tokens would let whoever holds a leaked one keep access after it is
 * revoked, through a fresh token that may never expire. Listing and revoking stay open to personal
 * tokens: a list shows no secret, and revoking can only take access away.
 */
export async function createPersonalToken(
  actor: Actor,
  input: unknown,
  via: { tokenKind?: "session" | "personal" } = {},
): Promise<{ token: string; record: PersonalToken }> {
  if (via.tokenKind === "personal") {
    throw new ForbiddenError("A personal token cannot create tokens. Sign in with a password (POST /api/v1/sessions) or use the web app.");
  }
  const data = parseFor(actor, "token.manage", createPersonalTokenSchema, input);
  // Checked before the transaction (argon2 takes ~50 ms and needs no lock), and counted in the
  // login throttle like any password re-entered in a session (lib/auth/credentials.ts): a stolen
  // session cannot use this form to guess the password.
  const wait = await takeReentrySlot(actor, "token.locked");
  if (wait !== null) throw new RateLimitedError(reentryLockMessage("creating a token", wait), wait);
  const db = await getDb();
  const [user] = await db.select({ hash: users.password }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user || !(await verifyPassword(user.hash, data.password))) {
    throw new ValidationError(WRONG_TOKEN_PASSWORD, { password: [WRONG_TOKEN_PASSWORD] });
  }
  await giveBackReentrySlot(actor.username);
  const secret = newTokenSecret("personal");
  const expiresAt = new Date(Date.now() + (data.expiresInDays ?? apiTokenMaxDays()) * 86_400_000);
  const record = await write(actor, "token.manage", async (w) => {
    const live = await w.tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.id), eq(apiTokens.kind, "personal"), isNull(apiTokens.revokedAt)));
    if (live.length >= MAX_PERSONAL_TOKENS) {
      throw new ValidationError(`You have ${MAX_PERSONAL_TOKENS} tokens. Revoke one you no longer use first.`, {
        name: [`At most ${MAX_PERSONAL_TOKENS} active tokens.`],
      });
    }
    const row = await w.insert(
      "api_token",
      { userId: actor.id, kind: "personal", name: data.name, tokenHash: secret.hash, prefix: secret.prefix, expiresAt },
      { audit: "create", siteId: actor.siteId, changes: { name: [null, data.name], expiresAt: [null, expiresAt.toISOString()] } },
    );
    return personalToken(row);
  });
  return { token: secret.token, record };
}

/** The actor's own personal tokens, newest first (revoked ones too, so the list tells the story). */
export async function listPersonalTokens(actor: Actor): Promise<PersonalToken[]> {
  authorize(actor, "token.manage");
  const db = await getDb();
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), eq(apiTokens.kind, "personal")))
    .orderBy(desc(apiTokens.createdAt))
    .limit(100);
}

/** Revokes one of the actor's own personal tokens; answers with it as it now is. */
export async function revokePersonalToken(actor: Actor, input: unknown): Promise<PersonalToken> {
  const { id } = parseFor(actor, "token.manage", z.object({ id: z.uuid("Unknown token.") }).strict(), input);
  return write(actor, "token.manage", async (w) => {
    const [token] = await w.loadWhere(
      "api_token",
      and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), eq(apiTokens.kind, "personal"), isNull(apiTokens.revokedAt))!,
    );
    // Someone else's token, or one already revoked, is simply not found.
    if (!token) throw new NotFoundError("Token not found.");
    const revokedAt = new Date();
    return personalToken(await w.update(token, { revokedAt }, { audit: "revoke", siteId: actor.siteId, changes: { revokedAt: [null, revokedAt.toISOString()] } }));
  });
}

/**
 * Ends every live token of a user — personal and session — inside the caller's write, each
 * revocation audited with `reason`: an admin's password reset, a password change, a disabled
 * account. A re-enabled account or a new password does not bring them back.
 */
export async function revokeAllTokensOf(w: Writer, user: { id: string; siteId: string | null }, reason: string): Promise<number> {
  const live = await w.loadWhere(
    "api_token",
    and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)))!,
  );
  const revokedAt = new Date();
  const revoked = await w.updateMany(live, { revokedAt }, { audit: "revoke", reason, siteId: user.siteId, changes: { revokedAt: [null, revokedAt.toISOString()] } });
  return revoked.length;
}
