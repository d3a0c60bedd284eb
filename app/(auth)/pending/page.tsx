import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LogoutButton } from "@/components/logout-button";
import { logout } from "@/app/logout-actions";
import { getActor } from "@/lib/auth/actor";
import { HOME_BY_ROLE } from "@/lib/policy";

export const metadata: Metadata = { title: "Waiting for approval" };

export default async function PendingPage() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.status === "active") redirect(HOME_BY_ROLE[actor.role]);
  if (actor.status === "disabled") redirect("/login?reason=disabled");
  return (
    <>
      <h1 className="mb-2 text-lg font-semibold">Waiting for approval</h1>
      <p className="text-sm text-slate-700">
        Thanks, {actor.displayName}. Your account <span className="font-mono">{actor.username}</span> has been created
        and is waiting for an administrator to confirm your role and site.
      </p>
      <p className="mt-3 text-sm text-slate-600">
        You will not see any study data until then. Sign in again once you have been told it is active.
      </p>
      <div className="mt-5 flex justify-end">
        <LogoutButton logout={logout} className="border border-slate-300" />
      </div>
    </>
  );
}
