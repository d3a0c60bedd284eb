import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireActor } from "@/lib/auth/actor";
import { HOME_BY_ROLE, can } from "@/lib/policy";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireActor();
  // The dashboard is the coordinator's home; investigators open it from the menu, others go home.
  if (!can(actor, "visit.create")) redirect(HOME_BY_ROLE[actor.role]);
  return (
    <ComingSoon
      title="Dashboard"
      what="Today's visits, overdue and out-of-window visits, the screening queue and open AEs with their SAE clocks arrive in the next release."
    />
  );
}
