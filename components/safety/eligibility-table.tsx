"use client";

/** Passed screenings awaiting the investigator's "Eligibility confirmed" signature, each with its Sign dialog. */
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { ActionState } from "@/lib/action-state";
import { formatDate } from "@/lib/format";
import type { EligibilityRow } from "@/lib/safety/queries";
import { ActionDialog } from "./action-dialog";
import { SignFields } from "./sign-fields";

export function EligibilityTable({
  rows,
  signer,
  askUsername,
  sign,
  empty,
}: {
  rows: EligibilityRow[];
  signer: string;
  /** The session's first signature asks for the username too (21 CFR 11.200(a)(1)). */
  askUsername: boolean;
  sign: (prev: ActionState, data: FormData) => Promise<ActionState>;
  empty: React.ReactNode;
}) {
  const columns: ColumnDef<EligibilityRow, unknown>[] = [
    {
      id: "subject",
      header: "Subject",
      cell: ({ row: { original: r } }) => (
        <div>
          <Link href={`/subjects/${r.subjectId}`} className="font-mono text-brand-700 underline underline-offset-2">
            {r.subjectCode}
          </Link>
          {r.subjectName && <p className="text-xs text-slate-600">{r.subjectName}</p>}
        </div>
      ),
    },
    { id: "study", header: "Study", cell: ({ row: { original: r } }) => r.protocolId },
    { id: "screeningDate", header: "Screening date", cell: ({ row: { original: r } }) => <span className="whitespace-nowrap">{formatDate(r.screeningDate)}</span> },
    { id: "completedBy", header: "Completed by", cell: ({ row: { original: r } }) => r.completedByName },
    { id: "notes", header: "Notes", cell: ({ row: { original: r } }) => <span className="text-xs text-slate-700">{r.notes ?? "—"}</span> },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: r } }) => (
        <ActionDialog title={`Confirm eligibility of ${r.subjectCode}`} openLabel="Sign" submitLabel="Sign" action={sign} hidden={{ screeningId: r.id, version: r.version }}>
          {(state) => <SignFields signer={signer} askUsername={askUsername} meaning="Eligibility confirmed" what={`the passed screening of ${r.subjectCode} (${formatDate(r.screeningDate)})`} state={state} />}
        </ActionDialog>
      ),
    },
  ];
  return <DataTable columns={columns} data={rows} caption="Screenings awaiting eligibility sign-off" getRowId={(r) => r.id} empty={empty} />;
}
