import type { Metadata } from "next";
import Link from "next/link";
import { StudyStatusBadge } from "@/components/admin/study-status-badge";
import { humanize } from "@/components/ui/badge";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar } from "@/components/ui/list/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { STUDY_STATUSES } from "@/domain/vocabulary";
import { listAdminStudies, studyFormChoices } from "@/lib/admin/queries";
import { parseStudyListParams } from "@/lib/admin/study-list-params";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { listHref, type SearchParams } from "@/lib/list/params";

export const metadata: Metadata = { title: "Studies" };

export default async function StudiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "study.manage");
  const params = await searchParams;
  const state = parseStudyListParams(params);
  const [{ rows, page, pageCount, total }, { sites }] = await Promise.all([
    listAdminStudies(actor, { page: state.page, filters: state.filters }),
    studyFormChoices(actor),
  ]);
  const query = new URLSearchParams(Object.entries(state.filters).filter(([, v]) => v) as [string, string][]).toString();
  const filtered = Boolean(query);
  return (
    <>
      <PageHeader
        title="Studies"
        description="Protocols, principal investigators, visit schedules and sponsor access."
        actions={
          <div className="flex gap-2">
            <ExportLink href={`/admin/studies/export${query ? `?${query}` : ""}`} />
            <Link href="/admin/studies/new" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
              New study
            </Link>
          </div>
        }
      />
      <FilterBar
        action="/admin/studies"
        clearHref="/admin/studies"
        fields={[
          { kind: "select", name: "siteId", label: "Site", value: state.filters.siteId, options: sites.map((s) => ({ value: s.id, label: s.name })) },
          { kind: "select", name: "status", label: "Status", value: state.filters.status, options: STUDY_STATUSES.map((s) => ({ value: s, label: humanize(s) })) },
          { kind: "search", name: "q", label: "Protocol ID or title", value: state.filters.q },
        ]}
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Studies</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Protocol ID</th>
              <th scope="col" className="px-3 py-2">Title</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Site</th>
              <th scope="col" className="px-3 py-2">Principal investigator</th>
              <th scope="col" className="px-3 py-2 text-right">Planned visits</th>
              <th scope="col" className="px-3 py-2 text-right">Sponsors</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-600">
                  {filtered ? "No study matches these filters. Clear them to see every study." : "No studies yet. Create the first with “New study”."}
                </td>
              </tr>
            )}
            {rows.map((s) => (
              <tr key={s.id}>
                <td className="px-3 py-2">
                  <Link href={`/admin/studies/${s.id}`} className="font-mono font-medium text-brand-700 underline underline-offset-2">
                    {s.protocolId}
                  </Link>
                </td>
                <td className="px-3 py-2 text-slate-800">{s.title}</td>
                <td className="px-3 py-2">
                  <StudyStatusBadge status={s.status} />
                </td>
                <td className="px-3 py-2">{s.siteName}</td>
                <td className="px-3 py-2">{s.piName}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.scheduleCount}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.sponsorCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} total={total} hrefFor={(p) => listHref("/admin/studies", params, { page: p })} />
    </>
  );
}
