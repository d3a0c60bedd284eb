import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

/**
 * The admin area is refused here, above the pages' loading.tsx boundaries: a refusal thrown inside
 * a streamed page would arrive after a 200 status. Each page still asks for its own action too.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  guard(await requireActor(), "user.manage");
  return children;
}
