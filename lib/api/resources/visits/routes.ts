/** /api/v1/visits — the same lib functions as the calendar and the visit page. */
import { z } from "zod";
import { scheduleVisitSchema } from "../../../validation/visit";
import { changeVisit, visitChangeSchema } from "../../../visits/change";
import { scheduleVisit } from "../../../visits/schedule";
import { commandRoute, createCommand, updateCommand, type Answer } from "../../http/command";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { getVisitResource, listVisitsResourceJson } from "./queries";
import { retireCommand } from "../record-commands";
import { VISIT_INCLUDE, Visit, VisitListQuery } from "./schema";

const tag = "Visits";

const home = { tag, path: "/visits", noun: "visit" };

export const visitCommands = [
  createCommand(home, {
    operationId: "scheduleVisit",
    summary: "Schedule a visit for a subject",
    body: scheduleVisitSchema,
    run: (actor, { body }) => scheduleVisit(actor, body),
  }),
  updateCommand(home, {
    operationId: "updateVisit",
    summary: "Complete, mark missed or cancel a visit, or change its time, location, coordinator or type",
    body: visitChangeSchema.meta({ id: "VisitPatch" }),
    run: (actor, { id, body }) => changeVisit(actor, id!, body),
  }),
  retireCommand("visit", home, "retireVisit"),
];

export const visitAnswer: Answer = { schema: Visit, read: getVisitResource };

export const visitRoutes = [
  route({
    method: "GET",
    path: "/visits",
    operationId: "listVisits",
    summary: "List visits",
    tag,
    query: VisitListQuery,
    success: { status: 200, description: "A page of visits.", schema: listEnvelope(Visit) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listVisitsResourceJson(actor, query) }),
  }),
  route({
    method: "GET",
    path: "/visits/{id}",
    operationId: "getVisit",
    summary: "One visit",
    tag,
    query: z.object({ include: includeParam(VISIT_INCLUDE) }).strict(),
    success: { status: 200, description: "The visit.", schema: Visit },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getVisitResource(actor, params.id!, query.include) }),
  }),
  ...visitCommands.map((c) => commandRoute(c, visitAnswer)),
];
