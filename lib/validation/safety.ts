/**
 * zod schemas for the investigator's safety review: assessment, sponsor notification and
 * e-signatures (AE and screening eligibility). Shared by the /safety forms, their server actions
 * and the API to come.
 */
import { z } from "zod";
import { AE_OUTCOMES, CAUSALITIES, EXPECTEDNESS } from "@/domain/vocabulary";
import { ctcaeGrade } from "./adverse-event";
import { optionalReason, optionalText, recordId, version } from "./fields";

const aeId = recordId("Choose an existing adverse event.");

export const assessAdverseEventSchema = z
  .object({
    id: aeId,
    version,
    causality: z.enum(CAUSALITIES, { error: "Choose the causality." }),
    expectedness: z.enum(EXPECTEDNESS, { error: "Choose whether the event was expected." }),
    grade: ctcaeGrade,
    outcome: z.enum(AE_OUTCOMES, { error: "Choose an outcome from the list." }),
    /** Required when an earlier assessment is changed (lib/safety/assess.ts checks). */
    reason: optionalReason,
  })
  .strict();
export type AssessAdverseEventInput = z.input<typeof assessAdverseEventSchema>;

export const notifySponsorSchema = z.object({ id: aeId, version }).strict();

/** The password is re-entered for every signature (21 CFR 11.200); it is never stored or echoed. */
const password = z.string({ error: "Enter your password to sign." }).min(1, "Enter your password to sign.").max(1000);
/**
 * Both components — username and password — at the first signature of a web session, and at every
 * signature through the API (21 CFR 11.200(a)(1)); lib/signatures/password-check.ts decides.
 */
const username = optionalText(100).describe(
  "Your username. Required through the API (every API signature gives both components) and at the first signature of a web session.",
);

export const signAdverseEventSchema = z.object({ id: aeId, version, username, password }).strict();
export const signEligibilitySchema = z.object({ screeningId: recordId("Choose an existing screening."), version, username, password }).strict();
