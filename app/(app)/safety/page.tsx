import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Safety review" };

export default async function Page() {
  const actor = await requireActor();
  guard(actor, "ae.assess");
  return <ComingSoon title="Safety review" what="The investigator's safety review — unassessed AEs, serious first, with assessment and e-signature — arrives in a coming release." />;
}
