"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge, humanize } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { SortLink } from "@/components/ui/list/sort-link";
import type { AeListRow, AeSortKey } from "@/lib/adverse-events/queries";
import { formatDate, formatInstant } from "@/lib/format";
import { ClockBadge } from "./sponsor-clock";
import { SEVERITY_TONE, STATUS_TONE } from "./tones";

type Sorts = Record<AeSortKey, { href: string; active?: "asc" | "desc" }>;

export function AeTable({ rows, sorts, now, empty }: { rows: AeListRow[]; sorts: Sorts; now: string; empty: React.ReactNode }) {
  const sortable = (key: AeSortKey, label: string) =>
    function SortHeader() {
      return <SortLink label={label} href={sorts[key].href} active={sorts[key].active} />;
    };
  const columns: ColumnDef<AeListRow, unknown>[] = [
    {
      id: "subject",
      header: sortable("subject", "Subject"),
      cell: ({ row: { original: r } }) => (
        <div>
          <Link href={`/subjects/${r.subjectId}`} className="font-mono text-slate-900 underline-offset-2 hover:underline">
            {r.subjectCode}
          </Link>
          {r.subjectName && <p className="text-xs text-slate-600">{r.subjectName}</p>}
          <p className="whitespace-nowrap text-xs text-slate-500">{r.protocolId}</p>
        </div>
      ),
    },
    {
      id: "eventTerm",
      header: sortable("eventTerm", "Event term"),
      cell: ({ row: { original: r } }) => (
        <Link href={`/adverse-events/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">
          {r.eventTerm}
        </Link>
      ),
    },
    {
      id: "severity",
      header: sortable("severity", "Severity"),
      cell: ({ row: { original: r } }) => (
        <span className="whitespace-nowrap">
          <Badge tone={SEVERITY_TONE[r.severity]}>{humanize(r.severity)}</Badge>
          {r.grade ? <span className="ml-1.5 text-xs text-slate-600">G{r.grade}</span> : null}
        </span>
      ),
    },
    {
      id: "serious",
      header: "Serious",
      cell: ({ row: { original: r } }) =>
        r.serious ? (
          <div className="space-y-1 whitespace-nowrap">
            <Badge tone="danger">Serious</Badge>
            <div>
              <ClockBadge ae={r} now={now} />
            </div>
          </div>
        ) : (
          <span className="text-slate-600">No</span>
        ),
    },
    { id: "onsetDate", header: sortable("onsetDate", "Onset date"), cell: ({ row: { original: r } }) => <span className="whitespace-nowrap">{formatDate(r.onsetDate)}</span> },
    {
      id: "awareAt",
      header: sortable("awareAt", "Aware at"),
      cell: ({ row: { original: r } }) => <span className="whitespace-nowrap text-slate-700">{formatInstant(r.awareAt, r.timeZone)}</span>,
    },
    { id: "status", header: "Status", cell: ({ row: { original: r } }) => (
        <span className="whitespace-nowrap">
          <Badge tone={STATUS_TONE[r.status]}>{humanize(r.status)}</Badge>
        </span>
      ),
    },
    { id: "reportedBy", header: "Reported by", cell: ({ row: { original: r } }) => <span className="text-slate-700">{r.reportedByName}</span> },
  ];
  return <DataTable columns={columns} data={rows} caption="Adverse events" getRowId={(r) => r.id} empty={empty} />;
}
