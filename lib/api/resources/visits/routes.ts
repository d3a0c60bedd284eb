/** /api/v1/visits — the same lib functions as the calendar and the visit page. */
import { scheduleVisitSchema } from "../../../validation/visit";
import { changeVisit, visitChangeSchema } from "../../../visits/change";
import { scheduleVisit } from "../../../visits/schedule";
import { createCommand, libCall } from "../../http/command";
import { visitReader } from "./queries";
import { resource, resourceRoutes } from "../resource-routes";
import { changeCommand, retireCommand } from "../record-commands";
import { VISIT_INCLUDE, Visit, VisitListQuery } from "./schema";

const tag = "Visits";

const home = { tag, path: "/visits", noun: "visit" };

export const visitCommands = [
  createCommand(home, {
    operationId: "scheduleVisit",
    summary: "Schedule a visit for a subject",
    body: scheduleVisitSchema,
    run: libCall(scheduleVisit),
  }),
  changeCommand(home, {
    summary: "Complete, mark missed or cancel a visit, or change its time, location, coordinator or type",
    schema: visitChangeSchema,
    change: changeVisit,
  }),
  retireCommand("visit", home),
];

export const visitResource = resource({
  home,
  schema: Visit,
  listQuery: VisitListQuery,
  include: VISIT_INCLUDE,
  reader: visitReader,
  commands: visitCommands,
});
export const visitRoutes = resourceRoutes(visitResource);

