"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import type { ActionState } from "@/lib/action-state";
import { safePath } from "@/lib/safe-path";

const MESSAGES: Record<string, string> = {
  invalid: "Wrong username or password.",
  disabled: "This account is disabled. Ask your administrator to re-enable it.",
  rate_limited: "Too many failed attempts. Wait 15 minutes, or ask your administrator.",
};

export async function login(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const username = String(formData.get("username") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const values = { username };
  const fieldErrors: Record<string, string[]> = {};
  if (!username) fieldErrors.username = ["Enter your username."];
  if (!password) fieldErrors.password = ["Enter your password."];
  if (Object.keys(fieldErrors).length) return { status: "error", fieldErrors, values };

  try {
    // Success signals itself by throwing Next's redirect, which must propagate.
    await signIn("credentials", { username, password, redirectTo: safePath(formData.get("callbackUrl"), "/home") });
    return { status: "success" };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { status: "error", message: MESSAGES[error.code] ?? MESSAGES.invalid, values };
    }
    if (error instanceof AuthError) {
      console.error(`[auth] sign-in failed: ${error.name}`);
      return { status: "error", message: "Sign-in is unavailable right now. Please try again.", values };
    }
    throw error;
  }
}
