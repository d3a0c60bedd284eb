/**
 * The role check sits here, above loading.tsx's Suspense boundary, so a refusal is answered with
 * a real 403 status before any of the page streams (a page-level guard would already have sent 200).
 */
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

export default async function AuditLayout({ children }: { children: React.ReactNode }) {
  guard(await requireActor(), "audit.read");
  return children;
}
