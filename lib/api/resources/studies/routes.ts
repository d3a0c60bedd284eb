/** /api/v1/studies — the same lib functions as the admin's study setup (administrators write). */
import { z } from "zod";
import type { Actor } from "../../../actor";
import { createStudy, updateStudy } from "../../../admin/studies";
import { createStudySchema } from "../../../validation/admin";
import { route } from "../../http/route";
import { includeParam } from "../../list";
import { listEnvelope } from "../../openapi-shapes";
import { withApiCurrent } from "../common";
import { getStudyResource, listStudyResourcesJson } from "./queries";
import { STUDY_INCLUDE, Study, StudyListQuery, StudyPatch } from "./schema";

async function patchStudy(actor: Actor, id: string, patch: z.output<typeof StudyPatch>) {
  const current = () => getStudyResource(actor, id);
  // The lib takes the whole study: what was not sent keeps its current value.
  const now = await current();
  return withApiCurrent(
    () =>
      updateStudy(actor, {
        id,
        version: patch.version,
        protocolId: patch.protocolId ?? now.protocolId,
        title: patch.title ?? now.title,
        status: patch.status ?? now.status,
        principalInvestigatorId: patch.principalInvestigatorId ?? now.principalInvestigatorId,
        siteId: patch.siteId ?? now.siteId,
      }),
    current,
  );
}

export const studyRoutes = [
  route({
    method: "GET",
    path: "/studies",
    operationId: "listStudies",
    summary: "List studies",
    tag: "Studies",
    query: StudyListQuery,
    success: { status: 200, description: "A page of studies.", schema: listEnvelope(Study) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listStudyResourcesJson(actor, query) }),
  }),
  route({
    method: "POST",
    path: "/studies",
    operationId: "createStudy",
    summary: "Create a study (administrators)",
    tag: "Studies",
    body: createStudySchema,
    success: { status: 201, description: "The new study.", schema: Study },
    errors: [400, 401, 403, 415, 422, 429],
    handle: async ({ actor, rawBody }) => {
      const created = await createStudy(actor, rawBody);
      return { status: 201, body: await getStudyResource(actor, created.id) };
    },
  }),
  route({
    method: "GET",
    path: "/studies/{id}",
    operationId: "getStudy",
    summary: "One study",
    tag: "Studies",
    query: z.object({ include: includeParam(STUDY_INCLUDE) }).strict(),
    success: { status: 200, description: "The study.", schema: Study },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getStudyResource(actor, params.id!, query.include) }),
  }),
  route({
    method: "PATCH",
    path: "/studies/{id}",
    operationId: "updateStudy",
    summary: "Edit a study (administrators)",
    tag: "Studies",
    body: StudyPatch,
    success: { status: 200, description: "The study as saved.", schema: Study },
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    handle: async ({ actor, params, body }) => {
      await patchStudy(actor, params.id!, body);
      return { body: await getStudyResource(actor, params.id!) };
    },
  }),
];
