import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { HOME_BY_ROLE } from "@/lib/policy";

/** Where sign-in lands: each role's own home (coordinator → dashboard, investigator → safety review…). */
export default async function HomeRedirect() {
  const actor = await requireActor();
  redirect(HOME_BY_ROLE[actor.role]);
}
