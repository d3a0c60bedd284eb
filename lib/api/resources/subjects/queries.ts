/** Subjects as the API returns them: one site-scoped query per page, embeds joined in. */
import "server-only";
import { eq } from "drizzle-orm";
import { subjects } from "@/db/schema";
import { subjectIncludes, subjectModel } from "../../../read-model/subject";
import { visibleTo } from "../../../read-model/visible";
import { listFilters, resourceReader } from "../../resource-reader";
import { SUBJECT_FIELDS, SUBJECT_ORDER, type SubjectListQuery } from "./schema";

export const subjectReader = resourceReader(subjectModel, SUBJECT_FIELDS, {
  noun: "subject",
  order: SUBJECT_ORDER,
  includes: subjectIncludes,
  scope: (actor, retired) => visibleTo(actor, subjects, { retired }),
  filters: listFilters<SubjectListQuery>()({
    studyId: (v) => eq(subjects.studyId, v),
    screeningStatus: (v) => eq(subjects.screeningStatus, v),
    status: (v) => eq(subjects.status, v),
  }),
});
