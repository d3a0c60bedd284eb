/**
 * One result type for every form, and one mapping from lib errors to what a person reads.
 * Field errors are rendered beside their field; the values typed are sent back so a refused form
 * keeps them. Server actions reach this through lib/validation/form-action.ts; client components
 * import the type and `idle` from here, so this module stays free of server code.
 */
import { z } from "zod";
import { AppError, ConflictError, ValidationError, type FieldErrors } from "./errors";
import { logError } from "./log";
import { unstorableText } from "./validation/storable-text";

export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** For conflicts: the newer values someone else saved. */
  current?: Record<string, unknown>;
};

export const idle: ActionState = { status: "idle" };

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses with a zod schema or throws a ValidationError carrying the field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // Text the database cannot store is refused by name before the schema runs (a NUL would be a 500).
  const unstorable = unstorableText(input);
  if (Object.keys(unstorable).length > 0) throw new ValidationError("Please correct the highlighted fields.", unstorable);
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(result.error));
  }
  return result.data;
}

/** Maps a thrown error to the form's state; unexpected errors are logged, never shown. */
export function errorState(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof ValidationError) {
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
  }
  if (error instanceof ConflictError) {
    return {
      status: "error",
      message: error.message,
      values,
      current: (error.current ?? undefined) as Record<string, unknown> | undefined,
    };
  }
  if (error instanceof AppError) return { status: "error", message: error.message, values };
  logError("server action failed", error);
  return { status: "error", message: "Something went wrong. Nothing was saved; please try again.", values };
}
