"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { RecordLink, RetiredMark, retiredRow } from "@/components/records/retired";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { SortLink } from "@/components/ui/list/sort-link";
import type { SubjectSortKey } from "@/lib/subjects/list-params";
import type { SubjectRow } from "@/lib/subjects/queries";
import { ScreeningBadge, SubjectStatusBadge } from "./status-badges";

type Sorts = Record<SubjectSortKey, { href: string; active?: "asc" | "desc" }>;

export function SubjectsTable({
  rows,
  sorts,
  identified,
  consentLabels,
  empty,
}: {
  rows: SubjectRow[];
  sorts: Sorts;
  /** Sponsors see no names (the column is left out, not blanked). */
  identified: boolean;
  /** Consent instants formatted on the server in the site's zone, by subject id. */
  consentLabels: Record<string, string>;
  empty: React.ReactNode;
}) {
  const sortable = (key: SubjectSortKey, label: string) =>
    function SortHeader() {
      return <SortLink label={label} {...sorts[key]} />;
    };
  const columns: ColumnDef<SubjectRow, unknown>[] = [
    {
      id: "subjectId",
      header: sortable("subjectId", "Subject ID"),
      cell: ({ row: { original: s } }) => (
        <>
          <RecordLink href={`/subjects/${s.id}`} retired={s.retiredAt !== null} className="text-brand-700 underline underline-offset-2">
            <span className="font-mono font-medium">{s.subjectId}</span>
          </RecordLink>
          {s.retiredAt && <RetiredMark reason={s.retireReason} />}
        </>
      ),
    },
    ...(identified
      ? [{ id: "fullName", header: sortable("fullName", "Full name"), cell: ({ row: { original: s } }) => s.fullName } as ColumnDef<SubjectRow, unknown>]
      : []),
    { id: "study", header: sortable("study", "Study"), cell: ({ row: { original: s } }) => <span className="whitespace-nowrap">{s.protocolId}</span> },
    { id: "screeningStatus", header: sortable("screeningStatus", "Screening"), cell: ({ row: { original: s } }) => <ScreeningBadge value={s.screeningStatus} /> },
    { id: "status", header: sortable("status", "Status"), cell: ({ row: { original: s } }) => <SubjectStatusBadge value={s.status} /> },
    { id: "coordinator", header: sortable("coordinator", "Coordinator"), cell: ({ row: { original: s } }) => s.coordinatorName },
    {
      id: "consentSignedAt",
      header: sortable("consentSignedAt", "Consent"),
      cell: ({ row: { original: s } }) =>
        s.consentSignedAt ? <span className="whitespace-nowrap text-slate-700">{consentLabels[s.id]}</span> : <Badge tone="warning">Not signed</Badge>,
    },
  ];
  return <DataTable columns={columns} data={rows} caption="Subjects" getRowId={(s) => s.id} empty={empty} rowClassName={retiredRow} />;
}
