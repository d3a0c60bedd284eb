/** /api/v1/subjects — the same lib functions as the registry's forms. */
import { ValidationError } from "../../../errors";
import { createSubject } from "../../../subjects/create";
import { enrollSubject } from "../../../subjects/enroll";
import { updateSubject } from "../../../subjects/update";
import { withdrawSubject } from "../../../subjects/withdraw";
import { route } from "../../http/route";
import { listEnvelope } from "../../openapi-shapes";
import { withApiCurrent } from "../common";
import { getSubjectResource, listSubjectsJson } from "./queries";
import { subjectTimelineRoute } from "./timeline";
import { SUBJECT_INCLUDE, Subject, SubjectListQuery, SubjectPatch } from "./schema";
import { createSubjectSchema } from "../../../validation/subject";
import { z } from "zod";
import { includeParam } from "../../list";

const EDITABLE = ["subjectId", "fullName", "coordinatorId", "dob", "sexAtBirth", "consentSignedAt"] as const;

async function patchSubject(actor: Parameters<typeof getSubjectResource>[0], id: string, patch: z.output<typeof SubjectPatch>) {
  const current = () => getSubjectResource(actor, id);
  const edits = EDITABLE.filter((f) => patch[f] !== undefined);
  if (patch.status && edits.length > 0) {
    throw new ValidationError("Change the status on its own, without other fields.", { status: ["Send the status change separately."] });
  }
  if (patch.status === "enrolled") {
    return withApiCurrent(() => enrollSubject(actor, { id, version: patch.version }), current);
  }
  if (patch.status === "withdrawn") {
    return withApiCurrent(() => withdrawSubject(actor, { id, version: patch.version, reason: patch.reason }), current);
  }
  if (edits.length === 0) throw new ValidationError("Nothing to change.", { form: ["Send at least one field to change."] });
  // The lib takes the whole record: what was not sent keeps its current value.
  const now = await current();
  return withApiCurrent(
    () =>
      updateSubject(actor, {
        id,
        version: patch.version,
        reason: patch.reason,
        subjectId: patch.subjectId ?? now.subjectId,
        fullName: patch.fullName ?? now.fullName,
        coordinatorId: patch.coordinatorId ?? now.coordinatorId,
        dob: patch.dob ?? now.dob,
        sexAtBirth: patch.sexAtBirth ?? now.sexAtBirth,
        consentSignedAt: patch.consentSignedAt !== undefined ? patch.consentSignedAt : (now.consentSignedAt?.toISOString() ?? null),
      }),
    current,
  );
}

export const subjectRoutes = [
  route({
    method: "GET",
    path: "/subjects",
    operationId: "listSubjects",
    summary: "List subjects",
    tag: "Subjects",
    query: SubjectListQuery,
    success: { status: 200, description: "A page of subjects.", schema: listEnvelope(Subject) },
    errors: [400, 401, 429],
    handle: async ({ actor, query }) => ({ body: await listSubjectsJson(actor, query) }),
  }),
  route({
    method: "POST",
    path: "/subjects",
    operationId: "createSubject",
    summary: "Register a subject",
    tag: "Subjects",
    body: createSubjectSchema,
    success: { status: 201, description: "The new subject.", schema: Subject },
    errors: [400, 401, 403, 404, 415, 422, 429],
    handle: async ({ actor, rawBody }) => {
      const created = await createSubject(actor, rawBody);
      return { status: 201, body: await getSubjectResource(actor, created.id) };
    },
  }),
  route({
    method: "GET",
    path: "/subjects/{id}",
    operationId: "getSubject",
    summary: "One subject",
    tag: "Subjects",
    query: z.object({ include: includeParam(SUBJECT_INCLUDE) }).strict(),
    success: { status: 200, description: "The subject.", schema: Subject },
    errors: [400, 401, 404, 429],
    handle: async ({ actor, params, query }) => ({ body: await getSubjectResource(actor, params.id!, query.include) }),
  }),
  route({
    method: "PATCH",
    path: "/subjects/{id}",
    operationId: "updateSubject",
    summary: "Edit, enroll or withdraw a subject",
    tag: "Subjects",
    body: SubjectPatch,
    success: { status: 200, description: "The subject as saved.", schema: Subject },
    errors: [400, 401, 403, 404, 409, 415, 422, 429],
    handle: async ({ actor, params, body }) => {
      await patchSubject(actor, params.id!, body);
      return { body: await getSubjectResource(actor, params.id!) };
    },
  }),
  subjectTimelineRoute,
];
