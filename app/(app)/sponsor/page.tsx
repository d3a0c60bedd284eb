import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Sponsor overview" };

export default async function Page() {
  const actor = await requireActor();
  guard(actor, "study.read");
  return <ComingSoon title="Sponsor overview" what="The de-identified study overview for sponsors — enrollment funnel, compliance and AE counts — arrives in a coming release." />;
}
