/** zod schemas for accounts, shared by the forms, the server actions and (later) the API. */
import { z } from "zod";
import { ROLES, USER_STATUSES } from "@/domain/vocabulary";
import { PASSWORD_MIN_LENGTH } from "../password";
import { nullableField, reason, recordId, requiredText, version } from "./fields";

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[A-Za-z0-9._-]+$/, "Use letters, digits, dots, dashes or underscores only.");

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");

/** Roles a person may ask for at sign-up; an admin confirms or changes it on activation. */
export const REQUESTABLE_ROLES = ["coordinator", "investigator", "sponsor"] as const;

export const signupSchema = z
  .object({
    username: usernameSchema,
    email: z.string().trim().max(200, "Use at most 200 characters.").email("Enter a valid email address."),
    displayName: requiredText("Enter your full name.", 120),
    role: z.enum(REQUESTABLE_ROLES, { error: "Choose the role you work in." }),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .strict()
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ.",
  });
export type SignupInput = z.input<typeof signupSchema>;

const userId = recordId("Choose an existing user.");

/** Activate a pending account, or change an active one's role and site (the fields, for the API's body). */
export const assignRoleFields = z
  .object({
    role: z.enum(ROLES, { error: "Choose a role." }),
    siteId: nullableField(recordId("Choose an existing site.")),
    version,
  })
  .strict();
export const assignRoleSchema = assignRoleFields
  .extend({ userId })
  .superRefine((v, ctx) => {
    if ((v.role === "coordinator" || v.role === "investigator") && !v.siteId) {
      ctx.addIssue({ code: "custom", path: ["siteId"], message: "Coordinators and investigators need a site." });
    }
  });

export const setStatusSchema = z
  .object({
    userId,
    status: z.enum(USER_STATUSES).exclude(["pending"], { error: "Choose active or disabled." }),
    version,
    reason: reason("Give a reason."),
  })
  .strict();
