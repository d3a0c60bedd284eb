/** /api/v1/adverse-events — the same lib functions as the AE report and edit forms. */
import { reportAdverseEvent } from "../../../adverse-events/report";
import { updateAdverseEvent } from "../../../adverse-events/update";
import { assessAdverseEvent } from "../../../safety/assess";
import { markSponsorNotified } from "../../../safety/notify-sponsor";
import { signAdverseEvent } from "../../../signatures/sign-ae";
import { reportAdverseEventSchema } from "../../../validation/adverse-event";
import { assessAdverseEventSchema, notifySponsorSchema } from "../../../validation/safety";
import { actionCommand, createCommand, libCall, updateCommand, withId, withoutId } from "../../http/command";
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
    run: libCall(reportAdverseEvent),
  }),
  updateCommand(home, {
    summary: "Edit an adverse event (voids a live signature when signed content changes)",
    body: AdverseEventPatch,
    // The lib merges the sent fields over the stored record; what was not sent is left alone.
    run: libCall(updateAdverseEvent),
  }),
  actionCommand(home, "assessment", {
    operationId: "assessAdverseEvent",
    summary: "Assess an adverse event: causality, expectedness, grade, outcome (investigators; a reason to change an earlier assessment)",
    body: withoutId(assessAdverseEventSchema).meta({ id: "AssessmentInput" }),
    run: libCall(assessAdverseEvent),
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
    run: libCall(markSponsorNotified),
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

