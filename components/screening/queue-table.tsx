"use client";

/**
 * The screening queue table (one page of rows, sorted and filtered on the server) with the row
 * action "Record outcome", which opens the dialog for that subject.
 */
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SortLink } from "@/components/ui/list/sort-link";
import type { ActionState } from "@/lib/action-state";
import { localDate } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import type { QueueSort } from "@/lib/screenings/queue-params";
import type { QueueRow } from "@/lib/screenings/queries";
import { RecordOutcomeDialog, type Option, type OutcomeSubject } from "./record-outcome-dialog";
import { ScreeningBadge } from "./screening-badge";

type SortHrefs = Record<QueueSort, { href: string; active?: "asc" | "desc" }>;

export function QueueTable({
  rows,
  sorts,
  timeZone,
  canRecord,
  action,
  today,
  actorId,
  staff,
  statusOptions,
  empty,
}: {
  rows: QueueRow[];
  sorts: SortHrefs;
  timeZone: string;
  canRecord: boolean;
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  today: string;
  actorId: string;
  staff: Option[];
  statusOptions: Option[];
  empty: React.ReactNode;
}) {
  const [open, setOpen] = useState<OutcomeSubject | null>(null);
  const sortHeader = (key: QueueSort, label: string) =>
    function SortHeader() {
      return <SortLink label={label} {...sorts[key]} />;
    };

  const columns: ColumnDef<QueueRow, unknown>[] = [
    {
      id: "subject",
      header: sortHeader("subjectId", "Subject"),
      cell: ({ row: { original: r } }) => (
        <div>
          <Link href={`/subjects/${r.id}`} className="font-mono font-medium text-brand-800 underline-offset-2 hover:underline">
            {r.subjectId}
          </Link>
          {r.fullName && <p className="text-slate-700">{r.fullName}</p>}
        </div>
      ),
    },
    { id: "study", header: sortHeader("study", "Study"), cell: ({ row: { original: r } }) => <span className="font-mono text-xs">{r.protocolId}</span> },
    {
      id: "screeningStatus",
      header: sortHeader("screeningStatus", "Screening status"),
      cell: ({ row: { original: r } }) => (
        <div className="space-y-1">
          <ScreeningBadge status={r.screeningStatus} />
          {r.status === "screen_failed" && <p className="text-xs text-slate-600">Screen failure</p>}
        </div>
      ),
    },
    {
      id: "consent",
      header: "Consent",
      cell: ({ row: { original: r } }) =>
        r.consentSignedAt ? (
          <span className="whitespace-nowrap text-slate-700">{formatDate(localDate(new Date(r.consentSignedAt), timeZone))}</span>
        ) : (
          <Badge tone="warning">Not signed</Badge>
        ),
    },
    {
      id: "latest",
      header: sortHeader("screeningDate", "Latest screening"),
      cell: ({ row: { original: r } }) =>
        r.latest ? (
          <div className="max-w-sm space-y-0.5">
            <p className="flex flex-wrap items-center gap-1.5">
              <span className="whitespace-nowrap text-slate-800">{formatDate(r.latest.screeningDate)}</span>
              <ScreeningBadge status={r.latest.screeningStatus} />
            </p>
            <p className="text-xs text-slate-600">by {r.latest.completedByName}</p>
            {r.latest.failReason && <p className="text-xs text-red-800">Reason: {r.latest.failReason}</p>}
            {r.latest.notes && <p className="line-clamp-2 text-xs text-slate-700" title={r.latest.notes}>{r.latest.notes}</p>}
          </div>
        ) : (
          <span className="text-slate-500">Not screened yet</span>
        ),
    },
  ];
  if (canRecord) {
    columns.push({
      id: "action",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: r } }) => (
        <Button
          variant="secondary"
          className="whitespace-nowrap"
          aria-label={`Record outcome for ${r.subjectId}`}
          onClick={() =>
            setOpen({ id: r.id, subjectId: r.subjectId, fullName: r.fullName, version: r.version, hasConsent: r.consentSignedAt !== null })
          }
        >
          Record outcome
        </Button>
      ),
    });
  }

  return (
    <>
      <DataTable columns={columns} data={rows} caption="Screening queue" getRowId={(r) => r.id} empty={empty} />
      {open && (
        <RecordOutcomeDialog
          key={`${open.id}-${open.version}`}
          subject={open}
          action={action}
          today={today}
          actorId={actorId}
          staff={staff}
          statusOptions={statusOptions}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
