import { z } from "zod";
import { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/domain/vocabulary";
import { subjectJsonFields as subject } from "../../../validation/subject";
import { listQueryShape } from "../../list";
import { EmbeddedStudy, EmbeddedUser, instant, meta, reasonField, uuid, versionField } from "../common";

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
    ...listQueryShape({ order: SUBJECT_ORDER, defaultOrder: "subjectId", include: SUBJECT_INCLUDE }),
  })
  .strict();
export type SubjectListQuery = z.output<typeof SubjectListQuery>;

/**
 * PATCH: the fields to change, the version read, and a reason. `status: "enrolled"` enrolls (the
 * planned visits are generated); `status: "withdrawn"` withdraws with `reason` — each through the
 * same lib function as the web app, so their rules hold here too.
 */
export const SubjectPatch = z
  .object({
    version: versionField,
    reason: reasonField.optional(),
    subjectId: subject.subjectId.optional(),
    fullName: subject.fullName.optional(),
    coordinatorId: subject.coordinatorId.optional(),
    dob: subject.dob.optional(),
    sexAtBirth: subject.sexAtBirth.optional(),
    consentSignedAt: subject.consentSignedAt.nullable().optional().describe("Null: not signed."),
    status: z.enum(["enrolled", "withdrawn"]).optional(),
  })
  .strict()
  .meta({ id: "SubjectPatch" });
