import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function Page() {
  const actor = await requireActor();
  guard(actor, "audit.read");
  return <ComingSoon title="Audit log" what="The filterable audit log with the hash-chain check arrives in a coming release. Meanwhile, npm run audit:verify checks the chain." />;
}
