/**
 * GET /notifications/{id}/open: the inbox's link to a notification's record. Marks it read, then
 * redirects to the record (an app path only: lib/notifications/open.ts). A plain link rather than a
 * form, so it opens in a new tab too; the inbox renders it as <a>, never a prefetching <Link>.
 */
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { openNotification } from "@/lib/notifications/open";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const actor = await getActor();
  if (!actor || actor.status !== "active") redirect(`/login?callbackUrl=${encodeURIComponent(`/notifications/${id}/open`)}`);
  let target: string;
  try {
    target = await openNotification(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Notification not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
  redirect(target);
}
