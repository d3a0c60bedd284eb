/**
 * The screening queue's URL state (filters, sort, page), parsed the same way by the page and its
 * CSV export. Without a screeningStatus filter the queue shows the subjects waiting on someone:
 * pending and rescreen. With "Show retired", retired subjects join it, and each row lists its
 * subject's retired screenings.
 */
import { z } from "zod";
import { SCREENING_STATUSES } from "@/domain/vocabulary";
import { optional, parseList, showRetired, type SearchParams } from "../list/params";

export const QUEUE_SORTS = ["queue", "subjectId", "fullName", "study", "screeningStatus", "screeningDate"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const queueListSpec = {
  filters: {
    studyId: optional(z.uuid()),
    screeningStatus: optional(z.enum(SCREENING_STATUSES)),
    q: optional(z.string().trim().min(1).max(100)),
    retired: showRetired,
  },
  sortable: QUEUE_SORTS,
  // "queue": pending and rescreen first, then the newest screening first.
  defaultSort: { key: "queue" as QueueSort, dir: "asc" as const },
};

export const parseQueueParams = (params: SearchParams) => parseList(params, queueListSpec);
export type QueueState = ReturnType<typeof parseQueueParams>;
export type QueueFilters = QueueState["filters"];
