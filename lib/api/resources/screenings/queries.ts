/** Screenings as the API returns them: one site-scoped query per page, embeds joined in. */
import "server-only";
import { and, eq, gte, lte, type SQL } from "drizzle-orm";
import { type Db } from "@/db";
import { screenings } from "@/db/schema";
import type { Actor } from "../../../actor";
import { screeningIncludes, screeningModel } from "../../../read-model/screening";
import { visibleTo, type RetiredFilter } from "../../../read-model/visible";
import { type OrderField } from "../../list";
import { listFilters, resourceReader } from "../../resource-reader";
import { SCREENING_FIELDS, type SCREENING_ORDER, type ScreeningListQuery } from "./schema";

const ORDER: Record<(typeof SCREENING_ORDER)[number], OrderField> = {
  screeningDate: { column: screenings.screeningDate, cast: "date" },
  createdAt: { column: screenings.createdAt, cast: "timestamptz" },
  updatedAt: { column: screenings.updatedAt, cast: "timestamptz" },
};

function select(db: Db, actor: Actor, where: SQL | undefined, include: ReadonlySet<string>, key: SQL<string>, retired?: RetiredFilter) {
  const query = db
    .select({ ...screeningModel.pick(actor, SCREENING_FIELDS), _key: key, ...screeningIncludes.fields(actor, include) })
    .from(screenings)
    .$dynamic();
  return screeningIncludes.join(query, include).where(and(visibleTo(actor, screenings, { retired }), where));
}

const reader = resourceReader({
  read: "screening.read",
  notFound: "Screening not found.",
  idColumn: screenings.id,
  order: ORDER,
  select,
  filters: listFilters<ScreeningListQuery>()({
    studyId: (v) => eq(screenings.studyId, v),
    subjectId: (v) => eq(screenings.subjectId, v),
    screeningStatus: (v) => eq(screenings.screeningStatus, v),
    screeningFrom: (v) => gte(screenings.screeningDate, v),
    screeningTo: (v) => lte(screenings.screeningDate, v),
  }),
});

export const listScreenings = reader.list;
/** The same page as JSON text built by the database, for REST (lib/api/json-select). */
export const listScreeningsJson = reader.listJson;
export const getScreeningResource = reader.get;
