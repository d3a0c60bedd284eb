"use client";

/**
 * The investigator's safety queue: one row per AE awaiting review, with its sponsor clock (ticking
 * in the browser), its expedited-report mark, why it is here (not assessed, not signed, signature
 * void — who changed what, when) and the row's actions: Assess, Sign, Sponsor notified.
 */
import type { ColumnDef } from "@tanstack/react-table";
import { AeTermLink, aeRowColumns, sortableHeader, type Sorts } from "@/components/adverse-events/ae-columns";
import { SEVERITY_TONE } from "@/components/adverse-events/tones";
import { Badge, humanize } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { formatDate, formatInstant } from "@/lib/format";
import type { SafetyQueueRow, SafetySortKey } from "@/lib/safety/queries";
import { ActionDialog } from "./action-dialog";
import { SignFields } from "./sign-fields";

type Option = { value: string; label: string };
type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

const CONFLICT_FIELDS = [
  { name: "eventTerm", label: "Event term" },
  { name: "severity", label: "Severity" },
  { name: "grade", label: "CTCAE grade" },
  { name: "serious", label: "Serious" },
  { name: "outcome", label: "Outcome" },
  { name: "causality", label: "Causality" },
  { name: "expectedness", label: "Expectedness" },
  { name: "status", label: "Status" },
] as const;

export type QueueOptions = { causality: Option[]; expectedness: Option[]; grade: Option[]; outcome: Option[] };

export function SafetyQueue({
  rows,
  sorts,
  now,
  empty,
  signer,
  askUsername,
  options,
  actions,
  mayNotify,
  mayReview,
}: {
  rows: SafetyQueueRow[];
  sorts: Sorts<SafetySortKey>;
  now: string;
  empty: React.ReactNode;
  signer: string;
  /** The session's first signature asks for the username too (21 CFR 11.200(a)(1)). */
  askUsername: boolean;
  options: QueueOptions;
  actions: { assess: Action; sign: Action; notify: Action };
  mayNotify: boolean;
  mayReview: boolean;
}) {
  const shared = aeRowColumns<SafetyQueueRow>(sorts, now);
  const columns: ColumnDef<SafetyQueueRow, unknown>[] = [
    shared.subject,
    {
      id: "eventTerm",
      header: sortableHeader(sorts, "eventTerm", "Event term"),
      cell: ({ row: { original: r } }) => (
        <div className="space-y-1">
          <AeTermLink ae={r} />
          <div className="flex flex-wrap gap-1">
            <Badge tone={SEVERITY_TONE[r.severity]}>{humanize(r.severity)}</Badge>
            {r.grade ? <span className="text-xs text-slate-600">Grade {r.grade}</span> : null}
            {r.expedited && <Badge tone="danger">{`${r.expedited} report candidate`}</Badge>}
          </div>
          <p className="text-xs text-slate-500">Onset {formatDate(r.onsetDate)}</p>
        </div>
      ),
    },
    shared.serious,
    shared.awareAt,
    {
      id: "review",
      header: "Review",
      cell: ({ row: { original: r } }) => <ReviewState row={r} />,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-wrap gap-1.5">
          {mayReview && <AssessDialog row={r} options={options} action={actions.assess} />}
          {mayReview && r.assessedAt && (
            <ActionDialog title={`Sign ${r.eventTerm} (${r.subjectCode})`} openLabel="Sign" submitLabel="Sign" action={actions.sign} hidden={{ id: r.id, version: r.version }} conflictFields={CONFLICT_FIELDS}>
              {(state) => <SignFields signer={signer} askUsername={askUsername} meaning="Reviewed and assessed" what={`the assessment of “${r.eventTerm}”`} state={state} />}
            </ActionDialog>
          )}
          {mayNotify && r.serious && !r.sponsorNotifiedAt && (
            <ActionDialog
              title={`Sponsor notified: ${r.eventTerm} (${r.subjectCode})`}
              openLabel="Sponsor notified"
              submitLabel="Record notification"
              variant="secondary"
              action={actions.notify}
              hidden={{ id: r.id, version: r.version }}
            >
              {() => <p className="text-sm text-slate-700">Records now as the time the sponsor was told of this serious adverse event, which stops its 24-hour clock.</p>}
            </ActionDialog>
          )}
        </div>
      ),
    },
  ];
  return <DataTable columns={columns} data={rows} caption="Adverse events awaiting safety review" getRowId={(r) => r.id} empty={empty} />;
}

function ReviewState({ row: r }: { row: SafetyQueueRow }) {
  return (
    <div className="max-w-xs space-y-1 text-xs text-slate-700">
      {r.assessedAt ? (
        <>
          <Badge tone="warning">Assessed, not signed</Badge>
          <p>
            {humanize(r.causality)}, {humanize(r.expectedness)}
            {r.outcome ? `, ${humanize(r.outcome)}` : ""} — {r.assessedByName ?? "—"}
          </p>
        </>
      ) : (
        <Badge tone="neutral">Not assessed</Badge>
      )}
      {r.voidedAt && (
        <p data-testid="signature-void" className="rounded border border-red-200 bg-red-50 px-1.5 py-1 text-red-900">
          <strong>Signature void</strong> ({r.voidedSignerName}): {r.voidReason} — by {r.voidedByName ?? "—"}, {formatInstant(r.voidedAt, r.timeZone)}
        </p>
      )}
    </div>
  );
}

function AssessDialog({ row: r, options, action }: { row: SafetyQueueRow; options: QueueOptions; action: Action }) {
  return (
    <ActionDialog title={`Assess ${r.eventTerm} (${r.subjectCode})`} openLabel={r.assessedAt ? "Reassess" : "Assess"} submitLabel="Save assessment" action={action} hidden={{ id: r.id, version: r.version }} conflictFields={CONFLICT_FIELDS}>
      {(state) => {
        const v = state.values ?? {};
        const e = state.fieldErrors ?? {};
        return (
          <>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <SelectField label="Causality" name="causality" options={options.causality} placeholder="Choose…" defaultValue={v.causality ?? r.causality ?? ""} errors={e.causality} required />
              <SelectField label="Expectedness" name="expectedness" options={options.expectedness} placeholder="Choose…" defaultValue={v.expectedness ?? r.expectedness ?? ""} errors={e.expectedness} required />
              <SelectField label="CTCAE grade" name="grade" options={options.grade} placeholder="Choose…" defaultValue={v.grade ?? (r.grade ? String(r.grade) : "")} errors={e.grade} required />
              <SelectField label="Outcome" name="outcome" options={options.outcome} placeholder="Choose…" defaultValue={v.outcome ?? r.outcome ?? ""} errors={e.outcome} required />
            </div>
            {r.assessedAt && (
              <TextField label="Reason for change" name="reason" defaultValue={v.reason ?? ""} errors={e.reason} hint="Why the earlier assessment changes." required />
            )}
          </>
        );
      }}
    </ActionDialog>
  );
}
