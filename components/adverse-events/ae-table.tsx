"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { RetiredMark, retiredRow } from "@/components/records/retired";
import { Badge, humanize } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { AeListRow, AeSortKey } from "@/lib/adverse-events/queries";
import { formatDate } from "@/lib/format";
import { AeTermLink, aeRowColumns, sortableHeader, type Sorts } from "./ae-columns";
import { SEVERITY_TONE, STATUS_TONE } from "./tones";

export function AeTable({ rows, sorts, now, empty }: { rows: AeListRow[]; sorts: Sorts<AeSortKey>; now: string; empty: React.ReactNode }) {
  const shared = aeRowColumns<AeListRow>(sorts, now);
  const columns: ColumnDef<AeListRow, unknown>[] = [
    shared.subject,
    {
      id: "eventTerm",
      header: sortableHeader(sorts, "eventTerm", "Event term"),
      cell: ({ row: { original: r } }) =>
        r.retiredAt ? (
          <>
            <span className="font-medium">{r.eventTerm}</span>
            <RetiredMark reason={r.retireReason} />
          </>
        ) : (
          <AeTermLink ae={r} />
        ),
    },
    {
      id: "severity",
      header: sortableHeader(sorts, "severity", "Severity"),
      cell: ({ row: { original: r } }) => (
        <span className="whitespace-nowrap">
          <Badge tone={SEVERITY_TONE[r.severity]}>{humanize(r.severity)}</Badge>
          {r.grade ? <span className="ml-1.5 text-xs text-slate-600">G{r.grade}</span> : null}
        </span>
      ),
    },
    shared.serious,
    { id: "onsetDate", header: sortableHeader(sorts, "onsetDate", "Onset date"), cell: ({ row: { original: r } }) => <span className="whitespace-nowrap">{formatDate(r.onsetDate)}</span> },
    shared.awareAt,
    { id: "status", header: "Status", cell: ({ row: { original: r } }) => (
        <span className="whitespace-nowrap">
          <Badge tone={STATUS_TONE[r.status]}>{humanize(r.status)}</Badge>
        </span>
      ),
    },
    { id: "reportedBy", header: "Reported by", cell: ({ row: { original: r } }) => <span className="text-slate-700">{r.reportedByName}</span> },
  ];
  return <DataTable columns={columns} data={rows} caption="Adverse events" getRowId={(r) => r.id} empty={empty} rowClassName={retiredRow} />;
}
