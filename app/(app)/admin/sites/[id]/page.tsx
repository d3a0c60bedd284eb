import type { Metadata } from "next";
import Link from "next/link";
import { recordLogHref } from "@/lib/audit/log/links";
import { notFound } from "next/navigation";
import { SiteForm } from "@/components/admin/site-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAdminSite } from "@/lib/admin/sites";
import { timeZoneChoices } from "@/lib/admin/time-zones";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { updateSiteAction } from "../actions";

export const metadata: Metadata = { title: "Edit site" };

export default async function EditSitePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  guard(actor, "site.manage");
  const site = await getAdminSite(actor, (await params).id);
  if (!site) notFound();
  return (
    <>
      <PageHeader
        title={site.name}
        description="Renaming or moving the time zone applies to everyone at this site on their next page."
        actions={
          <div className="flex items-center gap-3 text-sm">
            <Link href={recordLogHref("site", site.id)} className="text-brand-700 underline underline-offset-2">
              History
            </Link>
            <Link href="/admin/sites" className="text-brand-700 underline underline-offset-2">
              All sites
            </Link>
          </div>
        }
      />
      <div className="max-w-lg rounded-lg border border-slate-200 bg-white p-4">
        <SiteForm site={site} zones={timeZoneChoices()} action={updateSiteAction} />
      </div>
    </>
  );
}
