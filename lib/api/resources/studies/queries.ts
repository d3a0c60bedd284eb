/** Studies as the API returns them: one query per page, scoped by scopeStudies(actor). */
import "server-only";
import { eq } from "drizzle-orm";
import { sites, studies } from "@/db/schema";
import { scopeStudies } from "../../../policy";
import { studyIncludes, studyModel } from "../../../read-model/study";
import { listFilters, resourceReader } from "../../resource-reader";
import { STUDY_FIELDS, STUDY_ORDER, type StudyListQuery } from "./schema";

export const studyReader = resourceReader(studyModel, STUDY_FIELDS, {
  noun: "study",
  order: STUDY_ORDER,
  computed: () => ({ siteName: sites.name }),
  joins: { inner: [sites, eq(sites.id, studies.siteId)] },
  includes: studyIncludes,
  scope: scopeStudies,
  filters: listFilters<StudyListQuery>()({ status: (v) => eq(studies.status, v), siteId: (v) => eq(studies.siteId, v) }),
});
