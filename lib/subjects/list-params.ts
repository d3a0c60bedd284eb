/**
 * The registry's URL state (/subjects?studyId=…&screeningStatus=…&status=…&coordinatorId=…&q=…
 * &retired=include&sort=-createdAt&page=2), parsed the same way by the page and by its CSV export.
 */
import { z } from "zod";
import { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/domain/vocabulary";
import { optional, parseList, showRetired, type SearchParams } from "../list/params";

export const SUBJECT_SORT_KEYS = [
  "subjectId",
  "fullName",
  "study",
  "screeningStatus",
  "status",
  "coordinator",
  "consentSignedAt",
  "createdAt",
] as const;
export type SubjectSortKey = (typeof SUBJECT_SORT_KEYS)[number];

export const subjectFilters = {
  studyId: optional(z.uuid()),
  screeningStatus: optional(z.enum(SCREENING_STATUSES)),
  status: optional(z.enum(SUBJECT_STATUSES)),
  coordinatorId: optional(z.uuid()),
  q: optional(z.string().trim().min(1).max(100)),
  retired: showRetired,
};
export function parseSubjectList(params: SearchParams) {
  return parseList(params, {
    filters: subjectFilters,
    sortable: SUBJECT_SORT_KEYS,
    defaultSort: { key: "createdAt", dir: "desc" },
  });
}
export type SubjectListState = ReturnType<typeof parseSubjectList>;
export type SubjectFilters = SubjectListState["filters"];
