/** /api/v1/subjects — the same lib functions as the registry's forms. */
import { z } from "zod";
import { changeSubject, subjectChangeSchema } from "../../../subjects/change";
import { createSubject } from "../../../subjects/create";
import { createSubjectSchema } from "../../../validation/subject";
import { commandRoute, createCommand, updateCommand, type Answer } from "../../http/command";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { retireCommand } from "../record-commands";
import { getSubjectResource, listSubjectsJson } from "./queries";
import { SUBJECT_INCLUDE, Subject, SubjectListQuery } from "./schema";
import { subjectTimelineRoute } from "./timeline";

const tag = "Subjects";

const home = { tag, path: "/subjects", noun: "subject" };

export const subjectCommands = [
  createCommand(home, {
    operationId: "createSubject",
    summary: "Register a subject",
    body: createSubjectSchema,
    run: (actor, { body }) => createSubject(actor, body),
  }),
  updateCommand(home, {
    operationId: "updateSubject",
    summary: "Edit a subject, or enroll, withdraw, complete or mark it lost to follow-up",
    body: subjectChangeSchema.meta({ id: "SubjectPatch" }),
    run: (actor, { id, body }) => changeSubject(actor, id!, body),
  }),
  retireCommand("subject", home, "retireSubject"),
];

export const subjectAnswer: Answer = { schema: Subject, read: getSubjectResource };

export const subjectRoutes = [
  route({
    method: "GET",
    path: "/subjects",
    operationId: "listSubjects",
    summary: "List subjects",
    tag,
    query: SubjectListQuery,
    success: { status: 200, description: "A page of subjects.", schema: listEnvelope(Subject) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listSubjectsJson(actor, query) }),
  }),
  route({
    method: "GET",
    path: "/subjects/{id}",
    operationId: "getSubject",
    summary: "One subject",
    tag,
    query: z.object({ include: includeParam(SUBJECT_INCLUDE) }).strict(),
    success: { status: 200, description: "The subject.", schema: Subject },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getSubjectResource(actor, params.id!, query.include) }),
  }),
  subjectTimelineRoute,
  ...subjectCommands.map((c) => commandRoute(c, subjectAnswer)),
];
