/** /api/v1/adverse-events — the same lib functions as the AE report and edit forms. */
import { z } from "zod";
import { reportAdverseEvent } from "../../../adverse-events/report";
import { updateAdverseEvent } from "../../../adverse-events/update";
import { assessAdverseEvent } from "../../../safety/assess";
import { markSponsorNotified } from "../../../safety/notify-sponsor";
import { signAdverseEvent } from "../../../signatures/sign-ae";
import { reportAdverseEventSchema } from "../../../validation/adverse-event";
import { assessAdverseEventSchema, notifySponsorSchema } from "../../../validation/safety";
import { command, commandRoute, withId, withoutId, type Answer } from "../../http/command";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { retireCommand, SignatureInput } from "../record-commands";
import { getAdverseEventResource, listAdverseEventResourcesJson } from "./queries";
import { AE_INCLUDE, AdverseEvent, AdverseEventListQuery, AdverseEventPatch } from "./schema";

const tag = "Adverse events";
const onRecord = [400, 401, 403, 404, 409, 415, 422, 429];

export const adverseEventCommands = [
  command({
    operationId: "reportAdverseEvent",
    summary: "Report an adverse event",
    tag,
    method: "POST",
    path: "/adverse-events",
    body: reportAdverseEventSchema,
    status: 201,
    description: "The new adverse event.",
    errors: [400, 401, 403, 404, 415, 422, 429],
    run: (actor, { body }) => reportAdverseEvent(actor, body),
  }),
  command({
    operationId: "updateAdverseEvent",
    summary: "Edit an adverse event (voids a live signature when signed content changes)",
    tag,
    method: "PATCH",
    path: "/adverse-events/{id}",
    body: AdverseEventPatch,
    description: "The adverse event as saved.",
    errors: onRecord,
    // The lib merges the sent fields over the stored record; what was not sent is left alone.
    run: (actor, { id, body }) => updateAdverseEvent(actor, withId(body, id)),
  }),
  command({
    operationId: "assessAdverseEvent",
    summary: "Assess an adverse event: causality, expectedness, grade, outcome (investigators; a reason to change an earlier assessment)",
    tag,
    method: "POST",
    path: "/adverse-events/{id}/assessment",
    body: withoutId(assessAdverseEventSchema).meta({ id: "AssessmentInput" }),
    description: "The adverse event, assessed.",
    errors: onRecord,
    run: (actor, { id, body }) => assessAdverseEvent(actor, withId(body, id)),
  }),
  command({
    operationId: "signAdverseEvent",
    summary: "E-sign \"Reviewed and assessed\" (investigators; the password is re-entered)",
    tag,
    method: "POST",
    path: "/adverse-events/{id}/signature",
    body: SignatureInput,
    status: 201,
    description: "The adverse event, signed.",
    errors: onRecord,
    run: async (actor, { id, body }) => {
      await signAdverseEvent(actor, withId(body, id));
      return { id: id! };
    },
  }),
  command({
    operationId: "markSponsorNotified",
    summary: "Record that the sponsor was notified of a serious adverse event (stops its 24-hour clock)",
    tag,
    method: "POST",
    path: "/adverse-events/{id}/sponsor-notification",
    body: withoutId(notifySponsorSchema).meta({ id: "SponsorNotificationInput" }),
    description: "The adverse event with the notification time.",
    errors: onRecord,
    run: (actor, { id, body }) => markSponsorNotified(actor, withId(body, id)),
  }),
  retireCommand("adverse_event", { operationId: "retireAdverseEvent", path: "/adverse-events", tag, noun: "an adverse event" }),
];

export const adverseEventAnswer: Answer = { schema: AdverseEvent, read: getAdverseEventResource };

export const adverseEventRoutes = [
  route({
    method: "GET",
    path: "/adverse-events",
    operationId: "listAdverseEvents",
    summary: "List adverse events",
    tag,
    query: AdverseEventListQuery,
    success: { status: 200, description: "A page of adverse events.", schema: listEnvelope(AdverseEvent) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listAdverseEventResourcesJson(actor, query) }),
  }),
  route({
    method: "GET",
    path: "/adverse-events/{id}",
    operationId: "getAdverseEvent",
    summary: "One adverse event",
    tag,
    query: z.object({ include: includeParam(AE_INCLUDE) }).strict(),
    success: { status: 200, description: "The adverse event.", schema: AdverseEvent },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getAdverseEventResource(actor, params.id!, query.include) }),
  }),
  ...adverseEventCommands.map((c) => commandRoute(c, adverseEventAnswer)),
];
