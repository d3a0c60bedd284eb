/**
 * /api/v1/tokens — the caller's personal API tokens, through the settings page's lib functions.
 * Creating one needs a session token (a person who signed in with their password), never a
 * personal token: see createPersonalToken in lib/api/tokens.ts for why. Listing and revoking are
 * open to both.
 */
import { createPersonalToken, createPersonalTokenSchema, revokePersonalToken, type PersonalToken as Token } from "../../tokens";
import { actionCommand, createCommand, ON_UNADDRESSED_CREATE } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { personalTokenReader } from "./queries";
import { NewPersonalToken, PersonalToken, PersonalTokenListQuery, RevokeTokenInput, TOKEN_INCLUDE } from "./schema";

const home = { tag: "Tokens", path: "/tokens", noun: "personal token" };

export const personalTokenCommands = [
  createCommand(home, {
    summary: "Create a personal API token (with a session token and your current password only); the answer holds its secret, shown once",
    body: createPersonalTokenSchema.meta({ id: "NewPersonalTokenInput" }),
    errors: ON_UNADDRESSED_CREATE,
    run: (actor, { body, tokenKind }) => createPersonalToken(actor, body, { tokenKind }),
    output: {
      schema: NewPersonalToken,
      of: (saved) => {
        const { token, record } = saved as { token: string; record: Token };
        return { ...record, token };
      },
    },
  }),
  actionCommand(home, "revoke", {
    operationId: "revokePersonalToken",
    summary: "Revoke one of your personal tokens: anything still using it is refused at once",
    body: RevokeTokenInput,
    errors: [400, 401, 403, 404, 415, 429],
    run: (actor, { id }) => revokePersonalToken(actor, { id }),
  }),
];

export const personalTokenResource = resource({
  home,
  schema: PersonalToken,
  listQuery: PersonalTokenListQuery,
  include: TOKEN_INCLUDE,
  reader: personalTokenReader,
  commands: personalTokenCommands,
});
export const personalTokenRoutes = resourceRoutes(personalTokenResource);

