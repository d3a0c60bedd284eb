/** /api/v1/visits — the same lib functions as the calendar and the visit page. */
import { z } from "zod";
import type { Actor } from "../../../actor";
import { ValidationError } from "../../../errors";
import { authorize } from "../../../policy";
import { scheduleVisitSchema } from "../../../validation/visit";
import { cancelVisit } from "../../../visits/cancel";
import { completeVisit } from "../../../visits/complete";
import { missVisit } from "../../../visits/miss";
import { rescheduleVisit } from "../../../visits/reschedule";
import { scheduleVisit } from "../../../visits/schedule";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { withApiCurrent } from "../common";
import { getVisitResource, listVisitsResourceJson } from "./queries";
import { VISIT_INCLUDE, Visit, VisitListQuery, VisitPatch } from "./schema";

async function patchVisit(actor: Actor, id: string, patch: z.output<typeof VisitPatch>) {
  authorize(actor, "visit.update");
  const current = () => getVisitResource(actor, id);
  const { version, reason, visitStatus, completedAt, scheduledAt } = patch;
  if (visitStatus && scheduledAt !== undefined) {
    throw new ValidationError("Change the status on its own, without other fields.", { visitStatus: ["Send the status change separately."] });
  }
  if (completedAt !== undefined && visitStatus !== "completed") {
    throw new ValidationError("A completion time goes with `visitStatus: completed`.", { completedAt: ["Send it with visitStatus \"completed\"."] });
  }
  if (visitStatus === "completed") {
    if (reason !== undefined) throw new ValidationError("Completing a visit takes no reason.", { reason: ["Leave the reason out when completing."] });
    return withApiCurrent(() => completeVisit(actor, { id, version, completedAt }), current);
  }
  if (visitStatus === "missed") return withApiCurrent(() => missVisit(actor, { id, version, reason: reason ?? null }), current);
  if (visitStatus === "canceled") return withApiCurrent(() => cancelVisit(actor, { id, version, reason }), current);
  if (scheduledAt === undefined) {
    throw new ValidationError("Nothing to change.", { form: ["Send a new scheduledAt, or a visitStatus."] });
  }
  return withApiCurrent(() => rescheduleVisit(actor, { id, version, scheduledAt, reason }), current);
}

export const visitRoutes = [
  route({
    method: "GET",
    path: "/visits",
    operationId: "listVisits",
    summary: "List visits",
    tag: "Visits",
    query: VisitListQuery,
    success: { status: 200, description: "A page of visits.", schema: listEnvelope(Visit) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listVisitsResourceJson(actor, query) }),
  }),
  route({
    method: "POST",
    path: "/visits",
    operationId: "scheduleVisit",
    summary: "Schedule a visit for a subject",
    tag: "Visits",
    body: scheduleVisitSchema,
    success: { status: 201, description: "The new visit.", schema: Visit },
    errors: [400, 401, 403, 404, 415, 422, 429],
    handle: async ({ actor, rawBody }) => {
      const visit = await scheduleVisit(actor, rawBody);
      return { status: 201, body: await getVisitResource(actor, visit.id) };
    },
  }),
  route({
    method: "GET",
    path: "/visits/{id}",
    operationId: "getVisit",
    summary: "One visit",
    tag: "Visits",
    query: z.object({ include: includeParam(VISIT_INCLUDE) }).strict(),
    success: { status: 200, description: "The visit.", schema: Visit },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getVisitResource(actor, params.id!, query.include) }),
  }),
  route({
    method: "PATCH",
    path: "/visits/{id}",
    operationId: "updateVisit",
    summary: "Complete, mark missed, cancel or reschedule a visit",
    tag: "Visits",
    body: VisitPatch,
    success: { status: 200, description: "The visit as saved.", schema: Visit },
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    handle: async ({ actor, params, body }) => {
      await patchVisit(actor, params.id!, body);
      return { body: await getVisitResource(actor, params.id!) };
    },
  }),
];
