/** /api/v1/subjects — the same lib functions as the registry's forms. */
import { z } from "zod";
import { changeSubject, subjectChangeSchema } from "../../../subjects/change";
import { createSubject } from "../../../subjects/create";
import { createSubjectSchema } from "../../../validation/subject";
import { command, commandRoute, type Answer } from "../../http/command";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { retireCommand } from "../record-commands";
import { getSubjectResource, listSubjectsJson } from "./queries";
import { SUBJECT_INCLUDE, Subject, SubjectListQuery } from "./schema";
import { subjectTimelineRoute } from "./timeline";

const tag = "Subjects";

export const subjectCommands = [
  command({
    operationId: "createSubject",
    summary: "Register a subject",
    tag,
    method: "POST",
    path: "/subjects",
    body: createSubjectSchema,
    status: 201,
    description: "The new subject.",
    errors: [400, 401, 403, 404, 415, 422, 429],
    run: (actor, { body }) => createSubject(actor, body),
  }),
  command({
    operationId: "updateSubject",
    summary: "Edit a subject, or enroll, withdraw, complete or mark it lost to follow-up",
    tag,
    method: "PATCH",
    path: "/subjects/{id}",
    body: subjectChangeSchema.meta({ id: "SubjectPatch" }),
    description: "The subject as saved.",
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    run: (actor, { id, body }) => changeSubject(actor, id!, body),
  }),
  retireCommand("subject", { operationId: "retireSubject", path: "/subjects", tag, noun: "a subject" }),
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
