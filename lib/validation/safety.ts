/**
 * zod schemas for the investigator's safety review: assessment, sponsor notification and
 * e-signatures (AE and screening eligibility). Shared by the /safety forms, their server actions
 * and the API to come.
 */
import { z } from "zod";
import { AE_OUTCOMES, CAUSALITIES, EXPECTEDNESS } from "@/db/schema";

const version = z.coerce.number({ error: "The form is out of date; reload the page." }).int().positive();
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const assessAdverseEventSchema = z
  .object({
    id: z.uuid("Choose an existing adverse event."),
    version,
    causality: z.enum(CAUSALITIES, { error: "Choose the causality." }),
    expectedness: z.enum(EXPECTEDNESS, { error: "Choose whether the event was expected." }),
    grade: z.coerce
      .number({ error: "Choose a CTCAE grade from 1 to 5." })
      .int("Choose a CTCAE grade from 1 to 5.")
      .min(1, "Choose a CTCAE grade from 1 to 5.")
      .max(5, "Choose a CTCAE grade from 1 to 5."),
    outcome: z.enum(AE_OUTCOMES, { error: "Choose an outcome from the list." }),
    /** Required when an earlier assessment is changed (lib/safety/assess.ts checks). */
    reason: z.preprocess(blankToUndefined, z.string().trim().max(1000, "Use at most 1000 characters.").optional()),
  })
  .strict();
export type AssessAdverseEventInput = z.input<typeof assessAdverseEventSchema>;

export const notifySponsorSchema = z.object({ id: z.uuid("Choose an existing adverse event."), version }).strict();

/** The password is re-entered for every signature (21 CFR 11.200); it is never stored or echoed. */
const password = z.string({ error: "Enter your password to sign." }).min(1, "Enter your password to sign.").max(1000);

export const signAdverseEventSchema = z.object({ id: z.uuid("Choose an existing adverse event."), version, password }).strict();
export const signEligibilitySchema = z.object({ screeningId: z.uuid("Choose an existing screening."), version, password }).strict();
