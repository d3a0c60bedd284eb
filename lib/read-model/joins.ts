/**
 * How a read model declares its joins: `[table, on]` pairs, spread into Drizzle's `innerJoin` or
 * `leftJoin` by the queries and joined for the API's includes (`includes()`, ./model).
 */
import "server-only";
import { eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { sites, studies, subjects } from "@/db/schema";

/** A join as read models declare it: the table, and the condition it is joined on. */
export type Join = readonly [table: unknown, on: SQL];

/** The join to the row `foreignKey` points at: `table.id = foreignKey`. */
export function joinTo<const T extends { id: AnyPgColumn }>(table: T, foreignKey: AnyPgColumn) {
  return [table, eq(table.id, foreignKey)] as const;
}

type Clinical = { studyId: AnyPgColumn; siteId: AnyPgColumn };

/** The study and the site of a clinical record (every clinical table carries both). */
export function studyAndSiteJoins(table: Clinical) {
  return { study: joinTo(studies, table.studyId), site: joinTo(sites, table.siteId) };
}

/** A subject's record (a screening, visit or AE): its subject, study and site. */
export function subjectRecordJoins(table: Clinical & { subjectId: AnyPgColumn }) {
  return { subject: joinTo(subjects, table.subjectId), ...studyAndSiteJoins(table) };
}
