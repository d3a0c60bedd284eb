"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { ChangeList } from "@/components/history/changes";
import { Badge, humanize } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { recordHref, recordLogHref } from "@/lib/audit/log/links";
import type { AuditLogRow } from "@/lib/audit/log/queries";
import { formatInstant } from "@/lib/format";

/** Refusals and failures stand out; everything else is routine. Text says it, colour repeats it. */
function actionTone(action: string): "danger" | "info" | "neutral" {
  if (/failed|refused|rate_limited|wrong_password|void/.test(action)) return "danger";
  if (action === "export") return "info";
  return "neutral";
}

/** The record's own id repeats the Record column; nothing else is hidden from an admin. */
const HIDDEN = new Set(["id"]);

const linkClass = "text-brand-700 underline underline-offset-2 hover:text-brand-800";

export function AuditTable({ rows, names, empty }: { rows: AuditLogRow[]; names: Record<string, string>; empty: React.ReactNode }) {
  const columns: ColumnDef<AuditLogRow, unknown>[] = [
    {
      id: "when",
      header: "When (UTC)",
      cell: ({ row: { original: r } }) => (
        <div className="whitespace-nowrap">
          <p className="text-slate-800">{formatInstant(r.at, "UTC")}</p>
          {r.siteTimezone && <p className="text-xs text-slate-500">{formatInstant(r.at, r.siteTimezone)} site</p>}
          <p className="font-mono text-xs text-slate-400">#{r.seq}</p>
        </div>
      ),
    },
    {
      id: "who",
      header: "Who",
      cell: ({ row: { original: r } }) =>
        r.actorName ? (
          <div>
            {r.actorId ? (
              <Link href={`/audit?actorId=${r.actorId}`} className="text-slate-900 underline-offset-2 hover:underline" title="Only this user's events">
                {r.actorName}
              </Link>
            ) : (
              <span className="text-slate-900">{r.actorName}</span>
            )}
            {r.actorUsername && r.actorUsername !== r.actorName && <p className="font-mono text-xs text-slate-500">{r.actorUsername}</p>}
            {r.siteName && <p className="text-xs text-slate-500">{r.siteName}</p>}
          </div>
        ) : (
          <span className="text-slate-500">System</span>
        ),
    },
    {
      id: "record",
      header: "Record",
      cell: ({ row: { original: r } }) => {
        const link = recordHref(r);
        return (
          <div className="min-w-36">
            {link ? (
              <Link href={link.href} className={linkClass}>
                {humanize(r.entity)}
              </Link>
            ) : (
              <span className="text-slate-900">{humanize(r.entity)}</span>
            )}
            {r.subjectCode && <p className="text-xs text-slate-700">Subject {r.subjectCode}</p>}
            {r.entityId && <p className="max-w-48 truncate font-mono text-xs text-slate-500" title={r.entityId}>{r.entityId}</p>}
            {link && link.kind !== "log" && r.entityId && (
              <Link href={recordLogHref(r.entity, r.entityId)} className="text-xs text-slate-600 underline underline-offset-2">
                All events of this record
              </Link>
            )}
          </div>
        );
      },
    },
    {
      id: "action",
      header: "Action",
      cell: ({ row: { original: r } }) => (
        <span className="whitespace-nowrap">
          <Badge tone={actionTone(r.action)}>{r.action}</Badge>
        </span>
      ),
    },
    {
      id: "changes",
      header: "Old → new",
      cell: ({ row: { original: r } }) =>
        Object.keys(r.changes).some((f) => !HIDDEN.has(f)) ? (
          <div className="min-w-64">
            <ChangeList
              changes={r.changes}
              timeZone={r.siteTimezone ?? "UTC"}
              names={names}
              hidden={HIDDEN}
            />
          </div>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
    {
      id: "reason",
      header: "Reason",
      cell: ({ row: { original: r } }) => (r.reason ? <span className="text-slate-800">{r.reason}</span> : <span className="text-slate-400">—</span>),
    },
  ];
  return <DataTable columns={columns} data={rows} caption="Audit events, newest first" getRowId={(r) => r.id} empty={empty} />;
}
