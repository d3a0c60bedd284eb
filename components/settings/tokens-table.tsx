"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { ActionState } from "@/lib/action-state";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import type { TokenRow, TokenStatus } from "./token-rows";

const STATUS: Record<TokenStatus, { label: string; tone: "success" | "warning" | "neutral" }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
};

/** The person's own personal tokens, newest first; only an active one can be revoked. */
export function TokensTable({
  rows,
  revokeAction,
}: {
  rows: TokenRow[];
  revokeAction: (prev: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const muted = (t: TokenRow) => (t.status === "active" ? "text-slate-800" : "text-slate-500");
  const columns: ColumnDef<TokenRow, unknown>[] = [
    { header: "Name", cell: ({ row: { original: t } }) => <span className={`font-medium ${t.status === "active" ? "text-slate-900" : "text-slate-600"}`}>{t.name}</span> },
    { header: "Token", cell: ({ row: { original: t } }) => <code className="font-mono text-xs text-slate-600">{t.prefix}…</code> },
    { header: "Created", cell: ({ row: { original: t } }) => <span className={`whitespace-nowrap ${muted(t)}`}>{t.created}</span> },
    { header: "Last used", cell: ({ row: { original: t } }) => <span className={`whitespace-nowrap ${muted(t)}`}>{t.lastUsed}</span> },
    { header: "Expires", cell: ({ row: { original: t } }) => <span className={`whitespace-nowrap ${muted(t)}`}>{t.expires}</span> },
    { header: "Status", cell: ({ row: { original: t } }) => <Badge tone={STATUS[t.status].tone}>{STATUS[t.status].label}</Badge> },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: t } }) => (t.status === "active" ? <RevokeTokenDialog token={t} action={revokeAction} /> : null),
    },
  ];
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Your API tokens"
      getRowId={(t) => t.id}
      empty="No tokens yet. Create one above for each script or integration that needs the API."
    />
  );
}
