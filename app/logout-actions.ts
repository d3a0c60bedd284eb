"use server";

import { headers } from "next/headers";
import { signOut } from "@/lib/auth";
import { getActor } from "@/lib/auth/actor";
import { getDb } from "@/db";
import { appendAudit } from "@/lib/audit";
import { clientAddressFrom } from "@/lib/client-address";

export async function logout(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    await appendAudit(await getDb(), {
      actor,
      siteId: actor.siteId,
      entity: "session",
      entityId: actor.id,
      action: "logout",
      clientAddress: clientAddressFrom(await headers()),
    });
  }
  await signOut({ redirectTo: "/login" });
}
