"use server";

import { headers } from "next/headers";
import { signOut } from "@/lib/auth";
import { getActor } from "@/lib/auth/actor";
import { auditLogout } from "@/lib/auth/logout";
import { clientAddressFrom } from "@/lib/client-address";

export async function logout(): Promise<void> {
  const actor = await getActor();
  if (actor) await auditLogout(actor, clientAddressFrom(await headers()));
  await signOut({ redirectTo: "/login" });
}
