"use client";

/**
 * The screening queue table (one page of rows, sorted and filtered on the server) with the row
 * action "Record outcome", which opens the dialog for that subject.
 */
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { RecordLink, RetiredMark, retiredRow } from "@/components/records/retired";
import { Badge, humanize } from "@/components/ui/badge";
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
          <RecordLink href={`/subjects/${r.id}`} retired={r.retiredAt !== null} className="text-brand-800 underline-offset-2 hover:underline">
            <span className="font-mono font-medium">{r.subjectId}</span>
          </RecordLink>
          {r.fullName && <p>{r.fullName}</p>}
          {r.retiredAt && <RetiredMark reason={r.retireReason} />}
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
      cell: ({ row: { original: r } }) => <LatestScreening row={r} />,
    },
  ];
  if (canRecord) {
    columns.push({
      id: "action",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: r } }) =>
        // A retired subject takes no screenings.
        r.retiredAt ? null : (
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
      <DataTable columns={columns} data={rows} caption="Screening queue" getRowId={(r) => r.id} empty={empty} rowClassName={retiredRow} />
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

/** The subject's latest screening; with "Show retired", its retired screenings below, struck through and marked. */
function LatestScreening({ row: r }: { row: QueueRow }) {
  return (
    <div className="max-w-sm space-y-0.5">
      {r.latest ? (
        <>
          <p className="flex flex-wrap items-center gap-1.5">
            <span className="whitespace-nowrap text-slate-800">{formatDate(r.latest.screeningDate)}</span>
            <ScreeningBadge status={r.latest.screeningStatus} />
          </p>
          <p className="text-xs text-slate-600">by {r.latest.completedByName}</p>
          {r.latest.failReason && <p className="text-xs text-red-800">Reason: {r.latest.failReason}</p>}
          {r.latest.notes && (
            <p className="line-clamp-2 text-xs text-slate-700" title={r.latest.notes}>
              {r.latest.notes}
            </p>
          )}
        </>
      ) : (
        <span className="text-slate-500">Not screened yet</span>
      )}
      {r.retiredScreenings.length > 0 && (
        <ul aria-label={`Retired screenings of ${r.subjectId}`} className="mt-2 space-y-1.5 border-l-2 border-slate-200 pl-2">
          {r.retiredScreenings.map((retired) => (
            <li key={retired.id} className="text-xs text-slate-600">
              <span className="line-through decoration-slate-400">
                {formatDate(retired.screeningDate)} · {humanize(retired.screeningStatus)}
              </span>
              <RetiredMark reason={retired.retireReason} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
