import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

/**
 * The role check sits here, outside loading.tsx's Suspense boundary, so a coordinator gets a real
 * 403 status rather than a streamed 200 whose body says "forbidden". The pages check again.
 */
export default async function SafetyLayout({ children }: { children: React.ReactNode }) {
  guard(await requireActor(), "ae.assess");
  return children;
}
