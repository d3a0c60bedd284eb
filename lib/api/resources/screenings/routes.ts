/** /api/v1/screenings — the same lib functions as the screening queue's forms. */
import { changeScreening, screeningChangeSchema } from "../../../screenings/change";
import { recordScreening } from "../../../screenings/record";
import { signEligibility } from "../../../signatures/sign-eligibility";
import { recordScreeningSchema } from "../../../validation/screening";
import { actionCommand, createCommand, type CommandInput } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { changeCommand, retireCommand, SignatureInput } from "../record-commands";
import { subjectReader } from "../subjects/queries";
import { screeningReader } from "./queries";
import { SCREENING_INCLUDE, Screening, ScreeningListQuery } from "./schema";

const tag = "Screenings";
const bodyField = (input: CommandInput, key: string) => (input.body as Record<string, unknown> | null)?.[key];

const home = { tag, path: "/screenings", noun: "screening" };

export const screeningCommands = [
  createCommand(home, {
    operationId: "recordScreening",
    summary: "Record a screening outcome for a subject",
    body: recordScreeningSchema,
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    run: async (actor, { body }) => (await recordScreening(actor, body)).screening,
    // A stale subjectVersion is a conflict on the subject: the 409 carries it as the API shows it.
    conflict: { about: (input) => String(bodyField(input, "subjectId") ?? ""), read: subjectReader.get },
  }),
  changeCommand(home, {
    summary: "Correct a recorded screening (with a reason)",
    schema: screeningChangeSchema,
    change: async (actor, id, patch) => (await changeScreening(actor, id, patch)).screening,
  }),
  actionCommand(home, "eligibility-signature", {
    operationId: "signEligibility",
    summary: 'E-sign "Eligibility confirmed" for a passed screening (investigators; the password is re-entered)',
    body: SignatureInput,
    status: 201,
    run: async (actor, { id, body }) => {
      await signEligibility(actor, { ...(body as object), screeningId: id });
      return { id: id! };
    },
  }),
  retireCommand("screening", home),
];

export const screeningResource = resource({
  home,
  summaries: { list: "List screenings (the screening queue)" },
  schema: Screening,
  listQuery: ScreeningListQuery,
  include: SCREENING_INCLUDE,
  reader: screeningReader,
  commands: screeningCommands,
});
export const screeningRoutes = resourceRoutes(screeningResource);

