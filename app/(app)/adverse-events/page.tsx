import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Adverse events" };

export default async function Page() {
  const actor = await requireActor();
  guard(actor, "ae.read");
  return <ComingSoon title="Adverse events" what="The adverse-event list and report form, with 24-hour SAE clocks, arrive in the next release." />;
}
