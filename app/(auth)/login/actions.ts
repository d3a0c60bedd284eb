"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { SignInRefused, signIn } from "@/lib/auth";
import { AppError, ValidationError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { safePath } from "@/lib/safe-path";
import { publicFormAction } from "@/lib/validation/form-action";

const MESSAGES: Record<string, string> = {
  invalid: "Wrong username or password.",
  disabled: "This account is disabled. Ask your administrator to re-enable it.",
  rate_limited: "Too many attempts from here; try again later.",
};

export const login = publicFormAction(async (input) => {
  const username = (input.text("username") ?? "").trim();
  const password = input.text("password") ?? "";
  const fieldErrors: Record<string, string[]> = {};
  if (!username) fieldErrors.username = ["Enter your username."];
  if (!password) fieldErrors.password = ["Enter your password."];
  if (Object.keys(fieldErrors).length) throw new ValidationError("Please correct the highlighted fields.", fieldErrors);

  try {
    // Success signals itself by throwing Next's redirect, which the wrapper lets through.
    await signIn("credentials", { username, password, redirectTo: safePath(input.text("callbackUrl"), "/home") });
    return { status: "success" };
  } catch (error) {
    // A throttled attempt is told to wait (and for how long), never whether the password was right.
    if (error instanceof SignInRefused) throw new AppError(error.refusal);
    if (error instanceof CredentialsSignin) throw new AppError(MESSAGES[error.code] ?? MESSAGES.invalid);
    if (error instanceof AuthError) {
      logError("sign-in failed", error);
      throw new AppError("Sign-in is unavailable right now. Please try again.");
    }
    throw error;
  }
});
