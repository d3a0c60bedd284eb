/** /api/v1/subjects — the same lib functions as the registry's forms. */
import { changeSubject, subjectChangeSchema } from "../../../subjects/change";
import { createSubject } from "../../../subjects/create";
import { createSubjectSchema } from "../../../validation/subject";
import { createCommand, libCall } from "../../http/command";
import { resource, resourceRoutes } from "../resource-routes";
import { changeCommand, retireCommand } from "../record-commands";
import { subjectReader } from "./queries";
import { SUBJECT_INCLUDE, Subject, SubjectListQuery } from "./schema";
import { subjectTimelineRoute } from "./timeline";

const tag = "Subjects";

const home = { tag, path: "/subjects", noun: "subject" };

export const subjectCommands = [
  createCommand(home, {
    summary: "Register a subject",
    body: createSubjectSchema,
    run: libCall(createSubject),
  }),
  changeCommand(home, {
    summary: "Edit a subject, or enroll, withdraw, complete or mark it lost to follow-up",
    schema: subjectChangeSchema,
    change: changeSubject,
  }),
  retireCommand("subject", home),
];

export const subjectResource = resource({
  home,
  schema: Subject,
  listQuery: SubjectListQuery,
  include: SUBJECT_INCLUDE,
  reader: subjectReader,
  commands: subjectCommands,
  extra: [subjectTimelineRoute],
});
export const subjectRoutes = resourceRoutes(subjectResource);

