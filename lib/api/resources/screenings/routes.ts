/** /api/v1/screenings — the same lib functions as the screening queue's forms. */
import { z } from "zod";
import type { Actor } from "../../../actor";
import { ValidationError } from "../../../errors";
import { authorize } from "../../../policy";
import { recordScreening } from "../../../screenings/record";
import { updateScreening } from "../../../screenings/update";
import { recordScreeningSchema } from "../../../validation/screening";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { withApiCurrent } from "../common";
import { getSubjectResource } from "../subjects/queries";
import { getScreeningResource, listScreeningsJson } from "./queries";
import { SCREENING_INCLUDE, Screening, ScreeningListQuery, ScreeningPatch } from "./schema";

const EDITABLE = ["screeningStatus", "screeningDate", "completedById", "notes", "failReason"] as const;

async function patchScreening(actor: Actor, id: string, patch: z.output<typeof ScreeningPatch>) {
  authorize(actor, "screening.update");
  const current = () => getScreeningResource(actor, id);
  if (!EDITABLE.some((f) => patch[f] !== undefined)) {
    throw new ValidationError("Nothing to change.", { form: ["Send at least one field to change."] });
  }
  // The lib takes the whole outcome again: what was not sent keeps its current value.
  const now = await current();
  return withApiCurrent(
    () =>
      updateScreening(actor, {
        id,
        version: patch.version,
        reason: patch.reason,
        screeningStatus: patch.screeningStatus ?? now.screeningStatus,
        screeningDate: patch.screeningDate ?? now.screeningDate,
        completedById: patch.completedById ?? now.completedById,
        notes: patch.notes !== undefined ? patch.notes : now.notes,
        failReason: patch.failReason !== undefined ? patch.failReason : now.failReason,
      }),
    current,
  );
}

export const screeningRoutes = [
  route({
    method: "GET",
    path: "/screenings",
    operationId: "listScreenings",
    summary: "List screenings (the screening queue)",
    tag: "Screenings",
    query: ScreeningListQuery,
    success: { status: 200, description: "A page of screenings.", schema: listEnvelope(Screening) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listScreeningsJson(actor, query) }),
  }),
  route({
    method: "POST",
    path: "/screenings",
    operationId: "recordScreening",
    summary: "Record a screening outcome for a subject",
    tag: "Screenings",
    body: recordScreeningSchema,
    success: { status: 201, description: "The new screening.", schema: Screening },
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    handle: async ({ actor, body, rawBody }) => {
      // A stale subjectVersion is a conflict on the subject: the 409 carries it as the API shows it.
      const { screening } = await withApiCurrent(
        () => recordScreening(actor, rawBody),
        () => getSubjectResource(actor, body.subjectId),
      );
      return { status: 201, body: await getScreeningResource(actor, screening.id) };
    },
  }),
  route({
    method: "GET",
    path: "/screenings/{id}",
    operationId: "getScreening",
    summary: "One screening",
    tag: "Screenings",
    query: z.object({ include: includeParam(SCREENING_INCLUDE) }).strict(),
    success: { status: 200, description: "The screening.", schema: Screening },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getScreeningResource(actor, params.id!, query.include) }),
  }),
  route({
    method: "PATCH",
    path: "/screenings/{id}",
    operationId: "updateScreening",
    summary: "Correct a recorded screening (with a reason)",
    tag: "Screenings",
    body: ScreeningPatch,
    success: { status: 200, description: "The screening as saved.", schema: Screening },
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    handle: async ({ actor, params, body }) => {
      await patchScreening(actor, params.id!, body);
      return { body: await getScreeningResource(actor, params.id!) };
    },
  }),
];
