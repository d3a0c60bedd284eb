/** /api/v1/studies — the same lib functions as the admin's study setup (administrators write). */
import { createStudy, updateStudy } from "../../../admin/studies";
import { createStudySchema } from "../../../validation/admin";
import { createCommand, updateCommand, withId } from "../../http/command";
import { resourceRoutes } from "../resource-routes";
import { getStudyResource, listStudyResourcesJson } from "./queries";
import { STUDY_INCLUDE, Study, StudyListQuery, StudyPatch } from "./schema";

const tag = "Studies";

const home = { tag, path: "/studies", noun: "study" };

export const studyCommands = [
  createCommand(home, {
    operationId: "createStudy",
    summary: "Create a study (administrators)",
    body: createStudySchema,
    errors: [400, 401, 403, 415, 422, 429],
    run: (actor, { body }) => createStudy(actor, body),
  }),
  updateCommand(home, {
    operationId: "updateStudy",
    summary: "Edit a study (administrators)",
    body: StudyPatch,
    // What was not sent keeps its value (merged in the write, on the locked study).
    run: (actor, { id, body }) => updateStudy(actor, withId(body, id)),
  }),
];

export const studyRoutes = resourceRoutes({
  home,
  schema: Study,
  listQuery: StudyListQuery,
  include: STUDY_INCLUDE,
  list: listStudyResourcesJson,
  get: getStudyResource,
  commands: studyCommands,
});
