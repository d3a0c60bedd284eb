/**
 * zod schemas for the end of a record's life: a subject completing the study or lost to
 * follow-up, and any record retired as entered in error. Shared by forms, actions, REST and GraphQL.
 */
import { z } from "zod";
import { isoDate, optionalField, reason, recordId, version } from "./fields";

export const exitSubjectSchema = z
  .object({
    id: recordId("Choose an existing subject."),
    version,
    /** The site-local day (completion, or last contact of a subject lost to follow-up); default today. */
    exitDate: optionalField(isoDate("date")),
    reason: reason("Give the reason."),
  })
  .strict();
export type ExitSubjectInput = z.input<typeof exitSubjectSchema>;

export const retireRecordSchema = z
  .object({
    id: recordId(),
    version,
    reason: reason("Say why this record was entered in error."),
  })
  .strict();
export type RetireRecordInput = z.input<typeof retireRecordSchema>;
