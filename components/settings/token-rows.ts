/**
 * A personal token as the settings page shows it: dates already formatted on the server (in the
 * person's site time zone, else UTC) and its state in words.
 */
import type { PersonalToken } from "@/lib/api/tokens";
import { formatInstant } from "@/lib/format";

export type TokenStatus = "active" | "expired" | "revoked";

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  expires: string;
  status: TokenStatus;
};

export function tokenStatus(token: Pick<PersonalToken, "revokedAt" | "expiresAt">, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function tokenRows(tokens: PersonalToken[], timeZone: string, now = new Date()): TokenRow[] {
  const when = (value: Date | null) => (value ? formatInstant(value, timeZone) : "Never");
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    created: formatInstant(t.createdAt, timeZone),
    lastUsed: when(t.lastUsedAt),
    expires: when(t.expiresAt),
    status: tokenStatus(t, now),
  }));
}
