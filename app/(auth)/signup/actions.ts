"use server";

import { headers } from "next/headers";
import { clientAddressFrom } from "@/lib/client-address";
import { signUp } from "@/lib/users/signup";
import type { SignupInput } from "@/lib/validation/user";
import { publicFormAction } from "@/lib/validation/form-action";

export const signup = publicFormAction(async (input) => {
  const fields = input.pick(["username", "email", "displayName", "role", "password", "confirmPassword"]);
  // Typed as the schema's input, but only text as sent: signUp parses it (signupSchema) first.
  await signUp(fields as SignupInput, clientAddressFrom(await headers()));
  // The same answer whether or not an account was created (lib/users/signup.ts), and no sign-in,
  // which would tell a taken username from a free one. A new account signs in to see /pending.
  return { status: "success" };
});
