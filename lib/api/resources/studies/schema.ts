import { z } from "zod";
import { STUDY_STATUSES } from "@/domain/vocabulary";
import { studyFields } from "../../../validation/admin";
import { listQueryShape } from "../../list";
import { studyModel } from "../../../read-model/study";
import { EmbeddedUser, modelFields, RECORD_FIELDS, uuid, versionField } from "../common";

export const EmbeddedSite = z.object({ id: uuid, name: z.string(), timezone: z.string() });

/** A study's own columns as the API carries them; ./queries.ts selects exactly these. */
export const STUDY_FIELDS = [...RECORD_FIELDS, "protocolId", "title", "status", "principalInvestigatorId", "siteId"] as const;

export const Study = z
  .object({
    ...modelFields(studyModel, STUDY_FIELDS),
    siteName: z.string(),
    principalInvestigator: EmbeddedUser.optional(),
    site: EmbeddedSite.optional(),
  })
  .meta({ id: "Study" });

export const STUDY_ORDER = ["protocolId", "createdAt", "updatedAt"] as const;
export const STUDY_INCLUDE = ["principalInvestigator", "site"] as const;

export const StudyListQuery = z
  .object({
    status: z.enum(STUDY_STATUSES).optional(),
    siteId: uuid.optional(),
    ...listQueryShape({ order: STUDY_ORDER, defaultOrder: "protocolId", include: STUDY_INCLUDE }),
  })
  .strict();
export type StudyListQuery = z.output<typeof StudyListQuery>;

/** PATCH (administrators): the fields to change and the version read; the rest stays as it is. */
export const StudyPatch = studyFields
  .partial()
  .extend({ version: versionField })
  .strict()
  .meta({ id: "StudyPatch" });
