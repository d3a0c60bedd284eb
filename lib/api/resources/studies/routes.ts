/** /api/v1/studies — the same lib functions as the admin's study setup (administrators write). */
import { z } from "zod";
import { createStudy, updateStudy } from "../../../admin/studies";
import { createStudySchema } from "../../../validation/admin";
import { commandRoute, createCommand, updateCommand, withId, type Answer } from "../../http/command";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
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

export const studyAnswer: Answer = { schema: Study, read: getStudyResource };

export const studyRoutes = [
  route({
    method: "GET",
    path: "/studies",
    operationId: "listStudies",
    summary: "List studies",
    tag,
    query: StudyListQuery,
    success: { status: 200, description: "A page of studies.", schema: listEnvelope(Study) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listStudyResourcesJson(actor, query) }),
  }),
  route({
    method: "GET",
    path: "/studies/{id}",
    operationId: "getStudy",
    summary: "One study",
    tag,
    query: z.object({ include: includeParam(STUDY_INCLUDE) }).strict(),
    success: { status: 200, description: "The study.", schema: Study },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getStudyResource(actor, params.id!, query.include) }),
  }),
  ...studyCommands.map((c) => commandRoute(c, studyAnswer)),
];
