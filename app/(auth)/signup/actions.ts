"use server";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { signIn } from "@/lib/auth";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { clientAddressFrom } from "@/lib/client-address";
import { signUp } from "@/lib/users/signup";

export async function signup(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await signUp(
      {
        username: String(formData.get("username") ?? ""),
        email: String(formData.get("email") ?? ""),
        displayName: String(formData.get("displayName") ?? ""),
        role: String(formData.get("role") ?? "") as never,
        password: String(formData.get("password") ?? ""),
        confirmPassword: String(formData.get("confirmPassword") ?? ""),
      },
      clientAddressFrom(await headers()),
    );
    // Signed in straight away; the pending page is all a pending account can see.
    await signIn("credentials", {
      username: formData.get("username"),
      password: formData.get("password"),
      redirectTo: "/pending",
    });
    return { status: "success" };
  } catch (error) {
    unstable_rethrow(error);
    return errorState(error, values);
  }
}
