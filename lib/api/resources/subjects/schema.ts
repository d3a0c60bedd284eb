import { z } from "zod";
import { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/domain/vocabulary";
import { listQueryShape, retiredQuery } from "../../list";
import { EmbeddedStudy, EmbeddedUser, instant, meta, retiredFields, uuid } from "../common";

export const Subject = z
  .object({
    ...meta,
    subjectId: z.string(),
    fullName: z.string().nullable().describe("Null for sponsors."),
    screeningStatus: z.enum(SCREENING_STATUSES),
    studyId: uuid,
    siteId: uuid,
    coordinatorId: uuid,
    dob: z.string().nullable().describe("YYYY-MM-DD; the year only for sponsors."),
    sexAtBirth: z.string().nullable(),
    consentSignedAt: instant.nullable().describe("Null for sponsors."),
    status: z.enum(SUBJECT_STATUSES),
    enrolledAt: instant.nullable(),
    withdrawnAt: instant.nullable(),
    withdrawalReason: z.string().nullable().describe("Null for sponsors."),
    ...retiredFields,
    study: EmbeddedStudy.optional(),
    coordinator: EmbeddedUser.optional(),
  })
  .meta({ id: "Subject" });

export const SUBJECT_ORDER = ["subjectId", "createdAt", "updatedAt"] as const;
export const SUBJECT_INCLUDE = ["study", "coordinator"] as const;

export const SubjectListQuery = z
  .object({
    studyId: uuid.optional(),
    screeningStatus: z.enum(SCREENING_STATUSES).optional(),
    status: z.enum(SUBJECT_STATUSES).optional(),
    retired: retiredQuery,
    ...listQueryShape({ order: SUBJECT_ORDER, defaultOrder: "subjectId", include: SUBJECT_INCLUDE }),
  })
  .strict();
export type SubjectListQuery = z.output<typeof SubjectListQuery>;
