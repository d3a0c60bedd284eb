"use server";

import { headers } from "next/headers";
import { signIn } from "@/lib/auth";
import { clientAddressFrom } from "@/lib/client-address";
import { signUp } from "@/lib/users/signup";
import type { SignupInput } from "@/lib/validation/user";
import { publicFormAction } from "@/lib/validation/form-action";

export const signup = publicFormAction(async (input) => {
  const fields = input.pick(["username", "email", "displayName", "role", "password", "confirmPassword"]);
  // Typed as the schema's input, but only text as sent: signUp parses it (signupSchema) first.
  await signUp(fields as SignupInput, clientAddressFrom(await headers()));
  // Signed in straight away; the pending page is all a pending account can see.
  await signIn("credentials", { username: fields.username, password: fields.password, redirectTo: "/pending" });
  return { status: "success" };
});
