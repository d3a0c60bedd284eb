/** /api/v1/adverse-events — the same lib functions as the AE report and edit forms. */
import { z } from "zod";
import { reportAdverseEvent } from "../../../adverse-events/report";
import { updateAdverseEvent } from "../../../adverse-events/update";
import { NotFoundError } from "../../../errors";
import { reportAdverseEventSchema } from "../../../validation/adverse-event";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { isUuid, withApiCurrent } from "../common";
import { getAdverseEventResource, listAdverseEventResourcesJson } from "./queries";
import { AE_INCLUDE, AdverseEvent, AdverseEventListQuery, AdverseEventPatch } from "./schema";

export const adverseEventRoutes = [
  route({
    method: "GET",
    path: "/adverse-events",
    operationId: "listAdverseEvents",
    summary: "List adverse events",
    tag: "Adverse events",
    query: AdverseEventListQuery,
    success: { status: 200, description: "A page of adverse events.", schema: listEnvelope(AdverseEvent) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listAdverseEventResourcesJson(actor, query) }),
  }),
  route({
    method: "POST",
    path: "/adverse-events",
    operationId: "reportAdverseEvent",
    summary: "Report an adverse event",
    tag: "Adverse events",
    body: reportAdverseEventSchema,
    success: { status: 201, description: "The new adverse event.", schema: AdverseEvent },
    errors: [400, 401, 403, 404, 415, 422, 429],
    handle: async ({ actor, rawBody }) => {
      const created = await reportAdverseEvent(actor, rawBody);
      return { status: 201, body: await getAdverseEventResource(actor, created.id) };
    },
  }),
  route({
    method: "GET",
    path: "/adverse-events/{id}",
    operationId: "getAdverseEvent",
    summary: "One adverse event",
    tag: "Adverse events",
    query: z.object({ include: includeParam(AE_INCLUDE) }).strict(),
    success: { status: 200, description: "The adverse event.", schema: AdverseEvent },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getAdverseEventResource(actor, params.id!, query.include) }),
  }),
  route({
    method: "PATCH",
    path: "/adverse-events/{id}",
    operationId: "updateAdverseEvent",
    summary: "Edit an adverse event (voids a live signature when signed content changes)",
    tag: "Adverse events",
    body: AdverseEventPatch,
    success: { status: 200, description: "The adverse event as saved.", schema: AdverseEvent },
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    handle: async ({ actor, params, body }) => {
      const id = params.id!;
      if (!isUuid(id)) throw new NotFoundError("Adverse event not found.");
      // The lib merges the sent fields over the stored record; what was not sent is left alone.
      await withApiCurrent(
        () => updateAdverseEvent(actor, { ...body, id }),
        () => getAdverseEventResource(actor, id),
      );
      return { body: await getAdverseEventResource(actor, id) };
    },
  }),
];
