/**
 * API token secrets. A token is 256 random bits, shown to its owner once; the database keeps only
 * its sha-256 (a fast hash is right here: the secret is random, not a guessable password) and its
 * first characters so a person can tell their tokens apart.
 */
import { createHash, randomBytes } from "node:crypto";
import type { TOKEN_KINDS } from "@/db/schema";

type TokenKind = (typeof TOKEN_KINDS)[number];

const PREFIX: Record<TokenKind, string> = { session: "tds_", personal: "tdp_" };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newTokenSecret(kind: TokenKind): { token: string; hash: string; prefix: string } {
  const token = PREFIX[kind] + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

/** `Authorization: Bearer <token>` → the token, or null when absent or malformed. */
export function bearerToken(headers: Headers): string | null {
  const value = headers.get("authorization");
  const match = value?.match(/^Bearer\s+(td[sp]_[A-Za-z0-9_-]{43})\s*$/);
  return match?.[1] ?? null;
}
