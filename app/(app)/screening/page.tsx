import type { Metadata } from "next";
import Link from "next/link";
import { QueueTable } from "@/components/screening/queue-table";
import { humanize } from "@/components/ui/badge";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar, showRetiredField } from "@/components/ui/list/filter-bar";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SCREENING_STATUSES } from "@/domain/vocabulary";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { siteToday } from "@/lib/dates";
import { first, listHref, type SearchParams } from "@/lib/list/params";
import { sortHrefs } from "@/lib/list/sort-hrefs";
import { can, canSeeIdentifiers } from "@/lib/policy";
import { listScreeningQueue } from "@/lib/screenings/queries";
import { parseQueueParams, QUEUE_SORTS } from "@/lib/screenings/queue-params";
import { listStudyOptions } from "@/lib/studies/options";
import { listSiteStaff } from "@/lib/users/site-staff";
import { recordScreeningAction } from "./actions";

export const metadata: Metadata = { title: "Screening" };

const PATH = "/screening";

/** Protocol titles run long; the filter needs only enough to tell the studies apart. */
const shortLabel = (o: { value: string; label: string }) => ({
  value: o.value,
  label: o.label.length > 48 ? `${o.label.slice(0, 47)}…` : o.label,
});

export default async function ScreeningQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "screening.read");
  const params = await searchParams;
  const state = parseQueueParams(params);
  const canRecord = can(actor, "screening.record", { siteId: actor.siteId });
  const [page, studies, staff] = await Promise.all([
    listScreeningQueue(actor, state),
    listStudyOptions(actor),
    canRecord ? listSiteStaff(actor) : Promise.resolve([]),
  ]);
  const timeZone = actor.siteTimezone ?? "UTC";
  const { filters } = state;
  const filtered = Boolean(filters.studyId || filters.screeningStatus || filters.q || filters.retired);
  const statusOptions = SCREENING_STATUSES.map((s) => ({ value: s, label: humanize(s) }));
  const exportHref = listHref(`${PATH}/export`, params, { page: undefined });

  const empty = filtered ? (
    <>
      No subjects match these filters.{" "}
      <Link href={PATH} className="text-brand-800 underline underline-offset-2">
        Clear the filters
      </Link>{" "}
      to see everyone waiting for screening.
    </>
  ) : (
    <>
      Nobody is waiting for screening.{" "}
      {can(actor, "subject.create", { siteId: actor.siteId }) && (
        <>
          <Link href="/subjects/new" className="text-brand-800 underline underline-offset-2">
            Register a new subject
          </Link>
          , or{" "}
        </>
      )}
      choose <em>Passed</em> or <em>Failed</em> under Screening status to review recent outcomes.
    </>
  );

  return (
    <>
      <PageHeader
        title="Screening queue"
        description={`Subjects awaiting a screening decision (pending and rescreen first), with their latest screening. Dates are ${actor.siteName ?? "site"} dates (${timeZone}).`}
        actions={
          <div className="flex items-center gap-3">
            <LiveRefresh entities={["screening", "subject"]} />
            <ExportLink href={exportHref} />
          </div>
        }
      />
      <FilterBar
        action={PATH}
        keep={{ sort: first(params.sort) }}
        clearHref={filtered ? PATH : undefined}
        fields={[
          { kind: "select", name: "studyId", label: "Study", options: studies.map(shortLabel), value: filters.studyId },
          {
            kind: "select",
            name: "screeningStatus",
            label: "Screening status",
            options: statusOptions,
            value: filters.screeningStatus,
          },
          {
            kind: "search",
            name: "q",
            label: canSeeIdentifiers(actor) ? "Search subject ID or name" : "Search subject ID",
            placeholder: canSeeIdentifiers(actor) ? "e.g. ONC-014 or Garcia" : "e.g. ONC-014",
            value: filters.q,
          },
          showRetiredField(filters.retired),
        ]}
      />
      <QueueTable
        rows={page.rows}
        sorts={sortHrefs(PATH, params, state.sort, QUEUE_SORTS, { screeningDate: "desc" })}
        timeZone={timeZone}
        canRecord={canRecord}
        action={recordScreeningAction}
        today={siteToday(timeZone)}
        actorId={actor.id}
        staff={staff.map((s) => ({ value: s.id, label: `${s.displayName} (${humanize(s.role)})` }))}
        statusOptions={statusOptions}
        empty={empty}
      />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={(p) => listHref(PATH, params, { page: p })} />
    </>
  );
}
