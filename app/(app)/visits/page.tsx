import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Visits" };

export default async function Page() {
  const actor = await requireActor();
  guard(actor, "visit.read");
  return <ComingSoon title="Visits" what="The visit calendar — month, week and agenda views in your site's time zone, with window flags — arrives in the next release." />;
}
