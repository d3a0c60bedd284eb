"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { recordLogHref } from "@/lib/audit/log/links";
import { Badge, humanize } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { UserRow } from "@/lib/users/admin";
import { AssignRoleForm, ResetPasswordForm, StatusForm, UnlockForm } from "./user-actions";

const STATUS_TONE = { pending: "warning", active: "success", disabled: "neutral" } as const;

export function UsersTable({
  rows,
  sites,
  selfId,
  lockedIds = [],
}: {
  rows: UserRow[];
  sites: { id: string; name: string }[];
  selfId: string;
  /** Accounts a sign-in lock holds now (too many failed attempts). */
  lockedIds?: string[];
}) {
  const locked = new Set(lockedIds);
  const columns: ColumnDef<UserRow, unknown>[] = [
    {
      header: "User",
      cell: ({ row: { original: u } }) => (
        <div>
          <p className="font-medium text-slate-900">{u.displayName}</p>
          <p className="font-mono text-xs text-slate-600">{u.username}</p>
          <p className="text-xs text-slate-600">{u.email}</p>
          <Link href={recordLogHref("user", u.id)} className="text-xs text-brand-700 underline underline-offset-2">
            History
          </Link>
        </div>
      ),
    },
    {
      header: "Status",
      cell: ({ row: { original: u } }) => (
        <span className="flex flex-wrap gap-1">
          <Badge tone={STATUS_TONE[u.status]}>{humanize(u.status)}</Badge>
          {locked.has(u.id) && <Badge tone="warning">Sign-in locked</Badge>}
        </span>
      ),
    },
    {
      header: "Role · site",
      cell: ({ row: { original: u } }) => (
        <span className="text-slate-800">
          {humanize(u.role)}
          {u.status === "pending" ? " (requested)" : ""}
          <span className="block text-xs text-slate-600">{u.siteName ?? "No site"}</span>
        </span>
      ),
    },
    {
      header: "Change",
      cell: ({ row: { original: u } }) =>
        u.id === selfId ? (
          <span className="text-xs text-slate-500">This is you</span>
        ) : (
          <div className="space-y-1.5">
            {u.status !== "disabled" && <AssignRoleForm user={u} sites={sites} />}
            {u.status !== "pending" && <StatusForm user={u} />}
            {u.status !== "pending" && <ResetPasswordForm user={u} />}
            {locked.has(u.id) && <UnlockForm user={u} />}
          </div>
        ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Users"
      getRowId={(u) => u.id}
      empty="No accounts match this filter."
    />
  );
}
