import type { Metadata } from "next";
import Link from "next/link";
import { SiteForm } from "@/components/admin/site-form";
import { PageHeader } from "@/components/ui/page-header";
import { listAdminSites } from "@/lib/admin/sites";
import { timeZoneChoices } from "@/lib/admin/time-zones";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { createSiteAction } from "./actions";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  const actor = await requireActor();
  guard(actor, "site.manage");
  const sites = await listAdminSites(actor);
  return (
    <>
      <PageHeader title="Sites" description="Each site's name and the time zone its dates and clocks are read in." />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="self-start overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Sites</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Site</th>
                <th scope="col" className="px-3 py-2">Time zone</th>
                <th scope="col" className="px-3 py-2 text-right">Studies</th>
                <th scope="col" className="px-3 py-2 text-right">Active staff</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sites.length === 0 && (
                <tr>
                  <td colSpan={4} className="px-3 py-6 text-center text-slate-600">
                    No sites yet. Add the first one with the form beside this table.
                  </td>
                </tr>
              )}
              {sites.map((s) => (
                <tr key={s.id}>
                  <td className="px-3 py-2">
                    <Link href={`/admin/sites/${s.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                      {s.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{s.timezone}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.studyCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.staffCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section aria-labelledby="new-site" className="self-start rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-site" className="mb-3 text-sm font-semibold text-slate-900">
            New site
          </h2>
          <SiteForm zones={timeZoneChoices()} action={createSiteAction} />
        </section>
      </div>
    </>
  );
}
