import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Screening" };

export default async function Page() {
  const actor = await requireActor();
  guard(actor, "screening.read");
  return <ComingSoon title="Screening" what="The screening queue — subjects awaiting screening with their latest outcome, recorded in place — arrives in the next release." />;
}
