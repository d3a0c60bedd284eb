/** /api/v1/studies — the same lib functions as the admin's study setup (administrators write). */
import { createStudy, updateStudy } from "../../../admin/studies";
import { createStudySchema } from "../../../validation/admin";
import { createCommand, libCall, ON_UNADDRESSED_CREATE, updateCommand } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { sponsorAccessCommands } from "../sponsor-access/routes";
import { studyReader } from "./queries";
import { STUDY_INCLUDE, Study, StudyListQuery, StudyPatch } from "./schema";

const tag = "Studies";

const home = { tag, path: "/studies", noun: "study" };

export const studyCommands = [
  createCommand(home, {
    summary: "Create a study (administrators)",
    body: createStudySchema,
    errors: ON_UNADDRESSED_CREATE,
    run: libCall(createStudy),
  }),
  updateCommand(home, {
    summary: "Edit a study (administrators)",
    body: StudyPatch,
    // What was not sent keeps its value (merged in the write, on the locked study).
    run: libCall(updateStudy),
  }),
  ...sponsorAccessCommands,
];

export const studyResource = resource({
  home,
  schema: Study,
  listQuery: StudyListQuery,
  include: STUDY_INCLUDE,
  reader: studyReader,
  commands: studyCommands,
});
export const studyRoutes = resourceRoutes(studyResource);

