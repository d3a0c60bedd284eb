import type { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/db/schema";

export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];
