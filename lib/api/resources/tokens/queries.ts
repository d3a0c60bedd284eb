/**
 * The caller's own personal tokens as the API returns them, revoked ones too (as on the settings
 * page): tokens belong to a person, so the scope is ownership — anyone else's token is not found.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { listFilters, resourceReader } from "../../resource-reader";
import { personalTokenColumns, TOKEN_FIELDS, type PersonalTokenListQuery, TOKEN_ORDER } from "./schema";

export const personalTokenReader = resourceReader(personalTokenColumns, TOKEN_FIELDS, {
  noun: "token",
  order: TOKEN_ORDER,
  // The actor's id is part of policy's scopeKey, so a shape cached for one person never serves another.
  scope: (actor) => [eq(apiTokens.userId, actor.id), eq(apiTokens.kind, "personal")],
  filters: listFilters<PersonalTokenListQuery>()({}),
});
