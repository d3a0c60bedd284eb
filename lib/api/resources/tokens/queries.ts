/**
 * The caller's own personal tokens as the API returns them, revoked ones too (as on the settings
 * page): tokens belong to a person, so the scope is ownership — anyone else's token is not found.
 */
import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { type Db } from "@/db";
import { apiTokens } from "@/db/schema";
import type { Actor } from "../../../actor";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { personalTokenColumns, TOKEN_FIELDS, type PersonalTokenListQuery, type TOKEN_ORDER } from "./schema";

const ORDER: Record<(typeof TOKEN_ORDER)[number], OrderField> = {
  createdAt: { column: apiTokens.createdAt, cast: "timestamptz" },
};

// The actor's id is part of policy's scopeKey, so a shape cached for one person never serves another.
function select(db: Db, actor: Actor, where: SQL | undefined, _include: ReadonlySet<string>, key: SQL<string>) {
  return db
    .select({ ...personalTokenColumns.pick(TOKEN_FIELDS), _key: key })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), eq(apiTokens.kind, "personal"), where))
    .$dynamic();
}

const reader = resourceReader({
  read: "token.manage",
  notFound: "Token not found.",
  idColumn: apiTokens.id,
  order: ORDER,
  select,
  filters: listFilters<PersonalTokenListQuery>()({}),
});

export const listPersonalTokenResources = reader.list;
export const listPersonalTokenResourcesJson = reader.listJson;
export const getPersonalTokenResource = reader.get;
