/** /api/v1/schedule-items — a study's planned visits, through the admin's schedule editor's lib functions. */
import { addScheduleItem, changeScheduleItem, retireScheduleItem } from "../../../admin/schedule";
import { actionCommand, createCommand, libCall, updateCommand } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { scheduleItemReader } from "./queries";
import { SCHEDULE_INCLUDE, ScheduleItem, ScheduleItemInput, ScheduleItemListQuery, ScheduleItemPatch, ScheduleItemRetireInput } from "./schema";

const home = { tag: "Visit schedules", path: "/schedule-items", noun: "schedule item" };

export const scheduleItemCommands = [
  createCommand(home, {
    summary: "Add a planned visit to a study's schedule (administrators; later enrollments plan it)",
    body: ScheduleItemInput,
    run: libCall(addScheduleItem),
  }),
  updateCommand(home, {
    summary: "Edit a planned visit (administrators; visits already planned keep their dates)",
    body: ScheduleItemPatch,
    run: libCall(changeScheduleItem),
  }),
  actionCommand(home, "retire", {
    operationId: "retireScheduleItem",
    summary: "Retire a planned visit, with a reason (administrators; later enrollments no longer plan it)",
    body: ScheduleItemRetireInput,
    run: libCall(retireScheduleItem),
  }),
];

export const scheduleItemResource = resource({
  home,
  schema: ScheduleItem,
  listQuery: ScheduleItemListQuery,
  include: SCHEDULE_INCLUDE,
  reader: scheduleItemReader,
  commands: scheduleItemCommands,
});
export const scheduleItemRoutes = resourceRoutes(scheduleItemResource);

