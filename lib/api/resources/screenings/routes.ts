/** /api/v1/screenings — the same lib functions as the screening queue's forms. */
import { z } from "zod";
import { changeScreening, screeningChangeSchema } from "../../../screenings/change";
import { recordScreening } from "../../../screenings/record";
import { signEligibility } from "../../../signatures/sign-eligibility";
import { recordScreeningSchema } from "../../../validation/screening";
import { actionCommand, commandRoute, createCommand, updateCommand, type Answer, type CommandInput } from "../../http/command";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { retireCommand, SignatureInput } from "../record-commands";
import { getSubjectResource } from "../subjects/queries";
import { getScreeningResource, listScreeningsJson } from "./queries";
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
    conflict: { about: (input) => String(bodyField(input, "subjectId") ?? ""), read: getSubjectResource },
  }),
  updateCommand(home, {
    operationId: "updateScreening",
    summary: "Correct a recorded screening (with a reason)",
    body: screeningChangeSchema.meta({ id: "ScreeningPatch" }),
    run: async (actor, { id, body }) => (await changeScreening(actor, id!, body)).screening,
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
  retireCommand("screening", home, "retireScreening"),
];

export const screeningAnswer: Answer = { schema: Screening, read: getScreeningResource };

export const screeningRoutes = [
  route({
    method: "GET",
    path: "/screenings",
    operationId: "listScreenings",
    summary: "List screenings (the screening queue)",
    tag,
    query: ScreeningListQuery,
    success: { status: 200, description: "A page of screenings.", schema: listEnvelope(Screening) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listScreeningsJson(actor, query) }),
  }),
  route({
    method: "GET",
    path: "/screenings/{id}",
    operationId: "getScreening",
    summary: "One screening",
    tag,
    query: z.object({ include: includeParam(SCREENING_INCLUDE) }).strict(),
    success: { status: 200, description: "The screening.", schema: Screening },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getScreeningResource(actor, params.id!, query.include) }),
  }),
  ...screeningCommands.map((c) => commandRoute(c, screeningAnswer)),
];
