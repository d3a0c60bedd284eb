/** /api/v1/adverse-events — the same lib functions as the AE report and edit forms. */
import { reportAdverseEvent } from "../../../adverse-events/report";
import { updateAdverseEvent } from "../../../adverse-events/update";
import { assessAdverseEvent } from "../../../safety/assess";
import { markSponsorNotified } from "../../../safety/notify-sponsor";
import { signAdverseEvent } from "../../../signatures/sign-ae";
import { reportAdverseEventSchema } from "../../../validation/adverse-event";
import { assessAdverseEventSchema, notifySponsorSchema } from "../../../validation/safety";
import { actionCommand, createCommand, updateCommand, withId, withoutId } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { retireCommand, SignatureInput } from "../record-commands";
import { adverseEventReader } from "./queries";
import { AE_INCLUDE, AdverseEvent, AdverseEventListQuery, AdverseEventPatch } from "./schema";

const tag = "Adverse events";

const home = { tag, path: "/adverse-events", noun: "adverse event" };

export const adverseEventCommands = [
  createCommand(home, {
    operationId: "reportAdverseEvent",
    summary: "Report an adverse event",
    body: reportAdverseEventSchema,
    run: (actor, { body }) => reportAdverseEvent(actor, body),
  }),
  updateCommand(home, {
    operationId: "updateAdverseEvent",
    summary: "Edit an adverse event (voids a live signature when signed content changes)",
    body: AdverseEventPatch,
    // The lib merges the sent fields over the stored record; what was not sent is left alone.
    run: (actor, { id, body }) => updateAdverseEvent(actor, withId(body, id)),
  }),
  actionCommand(home, "assessment", {
    operationId: "assessAdverseEvent",
    summary: "Assess an adverse event: causality, expectedness, grade, outcome (investigators; a reason to change an earlier assessment)",
    body: withoutId(assessAdverseEventSchema).meta({ id: "AssessmentInput" }),
    run: (actor, { id, body }) => assessAdverseEvent(actor, withId(body, id)),
  }),
  actionCommand(home, "signature", {
    operationId: "signAdverseEvent",
    summary: 'E-sign "Reviewed and assessed" (investigators; the password is re-entered)',
    body: SignatureInput,
    status: 201,
    run: async (actor, { id, body }) => {
      await signAdverseEvent(actor, withId(body, id));
      return { id: id! };
    },
  }),
  actionCommand(home, "sponsor-notification", {
    operationId: "markSponsorNotified",
    summary: "Record that the sponsor was notified of a serious adverse event (stops its 24-hour clock)",
    body: withoutId(notifySponsorSchema).meta({ id: "SponsorNotificationInput" }),
    run: (actor, { id, body }) => markSponsorNotified(actor, withId(body, id)),
  }),
  retireCommand("adverse_event", home),
];

export const adverseEventResource = resource({
  home,
  schema: AdverseEvent,
  listQuery: AdverseEventListQuery,
  include: AE_INCLUDE,
  reader: adverseEventReader,
  commands: adverseEventCommands,
});
export const adverseEventRoutes = resourceRoutes(adverseEventResource);

