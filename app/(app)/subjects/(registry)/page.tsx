import type { Metadata } from "next";
import Link from "next/link";
import { SubjectsTable } from "@/components/subjects/subjects-table";
import { humanize } from "@/components/ui/badge";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar, showRetiredField } from "@/components/ui/list/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { FlashNotice } from "@/components/timeline/flash-notice";
import { Pagination } from "@/components/ui/pagination";
import { SCREENING_STATUSES, SUBJECT_STATUSES } from "@/domain/vocabulary";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { formatInstant } from "@/lib/format";
import { first, listHref, type SearchParams } from "@/lib/list/params";
import { sortHrefs } from "@/lib/list/sort-hrefs";
import { can, canSeeIdentifiers } from "@/lib/policy";
import { listStudyOptions } from "@/lib/studies/options";
import { SUBJECT_SORT_KEYS, parseSubjectList } from "@/lib/subjects/list-params";
import { coordinatorOptions, listSubjects } from "@/lib/subjects/queries";

export const metadata: Metadata = { title: "Subjects" };

const options = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));

export default async function SubjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "subject.read");
  const params = await searchParams;
  const state = parseSubjectList(params);
  const [page, studies, coordinators] = await Promise.all([
    listSubjects(actor, state),
    listStudyOptions(actor),
    coordinatorOptions(actor),
  ]);
  const identified = canSeeIdentifiers(actor);
  const canCreate = can(actor, "subject.create", { siteId: actor.siteId });
  const filtered = Object.values(state.filters).some((v) => v !== undefined);
  const tz = actor.siteTimezone ?? "UTC";
  const consentLabels = Object.fromEntries(page.rows.filter((r) => r.consentSignedAt).map((r) => [r.id, formatInstant(r.consentSignedAt!, tz)]));
  const exportQuery = listHref("/subjects/export", params, { page: undefined, pageSize: undefined });

  const retired = first(params.notice) === "retired" ? first(params.subject) : undefined;

  return (
    <>
      <FlashNotice message={retired ? `${retired} retired as entered in error. The record and its history are kept in the audit trail.` : null} />
      <PageHeader
        title="Subjects"
        description={
          identified
            ? "Every subject of your site's studies. Search by subject ID or name; open a subject for their timeline."
            : "Subjects of the studies you monitor, de-identified. Search by subject ID."
        }
        actions={
          <div className="flex gap-2">
            <ExportLink href={exportQuery} />
            {canCreate && (
              <Link href="/subjects/new" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
                New subject
              </Link>
            )}
          </div>
        }
      />
      <FilterBar
        action="/subjects"
        keep={{ sort: first(params.sort), pageSize: first(params.pageSize) }}
        clearHref="/subjects"
        fields={[
          { kind: "search", name: "q", label: identified ? "Search ID or name" : "Search subject ID", placeholder: identified ? "ONC-014 or Smith" : "ONC-014", value: state.filters.q },
          { kind: "select", name: "studyId", label: "Study", options: studies.map((s) => ({ value: s.value, label: s.label.split(" — ")[0]! })), value: state.filters.studyId },
          { kind: "select", name: "screeningStatus", label: "Screening status", options: options(SCREENING_STATUSES), value: state.filters.screeningStatus },
          { kind: "select", name: "status", label: "Status", options: options(SUBJECT_STATUSES), value: state.filters.status },
          { kind: "select", name: "coordinatorId", label: "Coordinator", options: coordinators, value: state.filters.coordinatorId },
          showRetiredField(state.filters.retired),
        ]}
      />
      <SubjectsTable
        rows={page.rows}
        identified={identified}
        consentLabels={consentLabels}
        sorts={sortHrefs("/subjects", params, state.sort, SUBJECT_SORT_KEYS, { createdAt: "desc", consentSignedAt: "desc" })}
        empty={
          filtered ? (
            <>
              No subjects match these filters.{" "}
              <Link href="/subjects" className="font-medium text-brand-700 underline underline-offset-2">
                Clear the filters
              </Link>
            </>
          ) : canCreate ? (
            <>
              No subjects yet.{" "}
              <Link href="/subjects/new" className="font-medium text-brand-700 underline underline-offset-2">
                Register the first subject
              </Link>
            </>
          ) : (
            "No subjects yet in the studies you can see."
          )
        }
      />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={(p) => listHref("/subjects", params, { page: p })} />
    </>
  );
}
