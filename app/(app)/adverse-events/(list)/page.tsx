import type { Metadata } from "next";
import Link from "next/link";
import { AeTable } from "@/components/adverse-events/ae-table";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar, showRetiredField } from "@/components/ui/list/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SEVERITY_OPTIONS, STATUS_OPTIONS } from "@/lib/adverse-events/labels";
import { AE_SORTABLE, aeListSpec, listAdverseEvents } from "@/lib/adverse-events/queries";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { listHref, parseList, type SearchParams } from "@/lib/list/params";
import { sortHrefs } from "@/lib/list/sort-hrefs";
import { can } from "@/lib/policy";
import { listStudyOptions } from "@/lib/studies/options";

export const metadata: Metadata = { title: "Adverse events" };

const PATH = "/adverse-events";

export default async function AdverseEventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "ae.read");
  const params = await searchParams;
  const state = parseList(params, aeListSpec);
  const [page, studies] = await Promise.all([listAdverseEvents(actor, state), listStudyOptions(actor)]);
  const f = state.filters;
  const filtered = Object.values(f).some((v) => v !== undefined);
  const mayReport = can(actor, "ae.report", { siteId: actor.siteId });
  const exportHref = listHref(`${PATH}/export`, params, {});
  return (
    <>
      <PageHeader
        title="Adverse events"
        description={
          actor.siteTimezone
            ? `Serious events show their 24-hour sponsor clock. Times are site time (${actor.siteTimezone}).`
            : "Serious events show their 24-hour sponsor clock. Times are each site's local time."
        }
        actions={
          <div className="flex items-center gap-2">
            <ExportLink href={exportHref} />
            {mayReport && (
              <Link href={`${PATH}/new`} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
                Report adverse event
              </Link>
            )}
          </div>
        }
      />
      <FilterBar
        action={PATH}
        keep={{ sort: typeof params.sort === "string" ? params.sort : undefined, pageSize: typeof params.pageSize === "string" ? params.pageSize : undefined }}
        clearHref={PATH}
        fields={[
          { kind: "select", name: "studyId", label: "Study", options: studies.map((s) => ({ value: s.value, label: s.protocolId })), value: f.studyId },
          { kind: "select", name: "serious", label: "Serious", options: [{ value: "true", label: "Serious only" }, { value: "false", label: "Not serious" }], value: f.serious },
          { kind: "select", name: "status", label: "Status", options: STATUS_OPTIONS, value: f.status },
          { kind: "select", name: "severity", label: "Severity", options: SEVERITY_OPTIONS, value: f.severity },
          { kind: "date", name: "onsetFrom", label: "Onset from", value: f.onsetFrom },
          { kind: "date", name: "onsetTo", label: "Onset to", value: f.onsetTo },
          { kind: "search", name: "q", label: "Search", placeholder: "Subject ID or event term", value: f.q },
          showRetiredField(f.retired),
        ]}
      />
      <AeTable
        rows={page.rows}
        now={new Date().toISOString()}
        sorts={sortHrefs(PATH, params, state.sort, AE_SORTABLE, { onsetDate: "desc", awareAt: "desc", severity: "desc" })}
        empty={
          filtered ? (
            <>
              No adverse events match these filters.{" "}
              <Link href={PATH} className="text-brand-700 underline underline-offset-2">
                Clear the filters
              </Link>
              .
            </>
          ) : mayReport ? (
            <>
              No adverse events reported yet.{" "}
              <Link href={`${PATH}/new`} className="text-brand-700 underline underline-offset-2">
                Report one
              </Link>{" "}
              when a subject has one, or from the subject&apos;s timeline.
            </>
          ) : (
            "No adverse events reported in the studies you can see."
          )
        }
      />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={(p) => listHref(PATH, params, { page: p })} />
    </>
  );
}
