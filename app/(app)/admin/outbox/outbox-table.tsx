"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Badge, humanize } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatInstant } from "@/lib/format";
import type { OutboxRow } from "@/lib/mail/queries";
import { RetryButton } from "./retry-button";

const TONE = { pending: "info", sent: "success", dead: "danger" } as const;
// The outbox serves every site; its instants are shown in UTC, named as such, like the other admin pages.
const ZONE = "UTC";
const when = (d: Date | null) => (d ? formatInstant(d, ZONE) : "—");

export function OutboxTable({ rows, smtpConfigured }: { rows: OutboxRow[]; smtpConfigured: boolean }) {
  const columns: ColumnDef<OutboxRow, unknown>[] = [
    {
      header: "Recipient",
      cell: ({ row: { original: e } }) => (
        <div>
          <p className="break-all text-slate-900">{e.toAddress}</p>
          <p className="text-xs text-slate-600">Queued {when(e.createdAt)}</p>
        </div>
      ),
    },
    { header: "Subject", cell: ({ row: { original: e } }) => <span className="text-slate-800">{e.subject}</span> },
    {
      header: "Status",
      cell: ({ row: { original: e } }) => (
        <div className="space-y-1">
          <Badge tone={TONE[e.status]}>{humanize(e.status)}</Badge>
          {e.status === "pending" && !smtpConfigured && <p className="text-xs text-amber-900">not sent: no SMTP configured</p>}
        </div>
      ),
    },
    { header: "Attempts", cell: ({ row: { original: e } }) => <span className="tabular-nums">{e.attempts}</span> },
    {
      header: "Next attempt",
      cell: ({ row: { original: e } }) =>
        e.status !== "pending" ? "—" : smtpConfigured ? when(e.nextAttemptAt) : <span className="text-slate-600">once SMTP is set</span>,
    },
    {
      header: "Last error",
      cell: ({ row: { original: e } }) => <span className="block max-w-xs break-words text-xs text-slate-700">{e.lastError ?? "—"}</span>,
    },
    { header: "Sent", cell: ({ row: { original: e } }) => when(e.sentAt) },
    {
      header: "Action",
      cell: ({ row: { original: e } }) => (e.status === "dead" ? <RetryButton id={e.id} to={e.toAddress} /> : null),
    },
  ];
  return <DataTable columns={columns} data={rows} caption="Queued emails, newest first" getRowId={(e) => e.id} empty="No emails match this filter." />;
}
