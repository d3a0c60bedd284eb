/** Screenings as the API returns them: one site-scoped query per page, embeds joined in. */
import "server-only";
import { eq, gte, lte } from "drizzle-orm";
import { screenings } from "@/db/schema";
import { screeningIncludes, screeningModel } from "../../../read-model/screening";
import { visibleTo } from "../../../read-model/visible";
import { listFilters, resourceReader } from "../../resource-reader";
import { SCREENING_FIELDS, SCREENING_ORDER, type ScreeningListQuery } from "./schema";

export const screeningReader = resourceReader(screeningModel, SCREENING_FIELDS, {
  noun: "screening",
  order: SCREENING_ORDER,
  includes: screeningIncludes,
  scope: (actor, retired) => visibleTo(actor, screenings, { retired }),
  filters: listFilters<ScreeningListQuery>()({
    studyId: (v) => eq(screenings.studyId, v),
    subjectId: (v) => eq(screenings.subjectId, v),
    screeningStatus: (v) => eq(screenings.screeningStatus, v),
    screeningFrom: (v) => gte(screenings.screeningDate, v),
    screeningTo: (v) => lte(screenings.screeningDate, v),
  }),
});
