"use server";

import { signOut } from "@/lib/auth";

/** Auth.js's signOut event ends the server-side session and audits it (lib/auth/logout.ts). */
export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
