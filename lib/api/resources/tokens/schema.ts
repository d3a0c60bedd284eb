import { z } from "zod";
import { tokenColumns } from "../../tokens";
import { listQueryShape } from "../../list";
import { columnsModel } from "../columns-model";
import { modelSchema } from "../common";

/** What a person sees of a token (lib/api/tokens.ts): never its secret or its hash. */
export const personalTokenColumns = columnsModel(tokenColumns, "token.manage");
/** ./queries.ts selects exactly these. */
export const TOKEN_FIELDS = ["id", "name", "prefix", "createdAt", "lastUsedAt", "expiresAt", "revokedAt"] as const;

/** One of the caller's personal tokens. */
export const PersonalToken = modelSchema("PersonalToken", personalTokenColumns, TOKEN_FIELDS, {
  prefix: "The first characters of the token, to recognise it by.",
  expiresAt: "When it stops working. Null only for a token made before tokens had a maximum lifetime: it stops API_TOKEN_MAX_DAYS after createdAt.",
});

/** The answer to creating a token: the one time its secret is shown. */
export const NewPersonalToken = PersonalToken.extend({
  token: z.string().describe("The secret: send it as `Authorization: Bearer <token>`. Shown in this answer only; the server keeps a hash."),
}).meta({ id: "NewPersonalToken" });

export const TOKEN_ORDER = ["createdAt"] as const;
export const TOKEN_INCLUDE = [] as const;

export const PersonalTokenListQuery = z.object(listQueryShape({ order: TOKEN_ORDER, defaultOrder: "-createdAt", include: TOKEN_INCLUDE })).strict();
export type PersonalTokenListQuery = z.output<typeof PersonalTokenListQuery>;

/** Revoking takes nothing but the token's id, in the path. */
export const RevokeTokenInput = z.object({}).strict().meta({ id: "RevokeTokenInput" });
