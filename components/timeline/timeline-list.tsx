/**
 * The subject's timeline, oldest first: each entry with its date (site time, zone named), what it
 * is, its status by text and colour, and its own history from the audit trail. A "Today" line
 * separates what happened from what is planned.
 */
import { RecordLink } from "@/components/records/retired";
import { RetireDialog } from "@/components/records/retire-dialog";
import { Badge, humanize } from "@/components/ui/badge";
import { formatInstant } from "@/lib/format";
import type { ActionState } from "@/lib/action-state";
import type { TimelineEntry } from "@/lib/timeline/types";
import { ScreeningBadge } from "@/components/subjects/status-badges";
import { ChangeList, HistoryList, actionLabel } from "./history-list";
import { EditNoteForm } from "./note-forms";
import { ClosedTask } from "@/components/tasks/closed-task";

const VISIT_TONE = { scheduled: "info", completed: "success", missed: "danger", canceled: "neutral" } as const;
const AE_TONE = { open: "warning", follow_up: "info", resolved: "success", closed: "neutral" } as const;
const KIND_LABEL: Record<TimelineEntry["kind"], string> = {
  subject: "Subject",
  consent: "Consent",
  screening: "Screening",
  visit: "Visit",
  ae: "Adverse event",
  note: "Note",
  task: "Task",
};
const SUBJECT_ACTIONS: Record<string, string> = {
  create: "Subject registered",
  update: "Subject details changed",
  enroll: "Enrolled in the study",
  withdraw: "Withdrawn from the study",
  complete: "Completed the study",
  lose_to_follow_up: "Lost to follow-up",
};

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

/** What this actor may do to the timeline's records from here, and the server actions that do it. */
export type TimelineActions = {
  /** Ids of the notes this actor may edit (their own). */
  editableNoteIds: ReadonlySet<string>;
  /** Ids of the screenings and notes this actor may retire as entered in error (notes: their own). */
  retirableIds: ReadonlySet<string>;
  editNote: Action;
  retireScreening: Action;
  retireNote: Action;
};

type Props = {
  entries: TimelineEntry[];
  timeZone: string;
  now: Date;
  userNames: Record<string, string>;
  actions: TimelineActions;
};

export function TimelineList({ entries, timeZone, now, userNames, actions }: Props) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  const firstFuture = entries.findIndex((e) => e.at.getTime() > now.getTime());
  return (
    <ol className="relative space-y-0 border-l-2 border-slate-200 pl-0" aria-label="Timeline">
      {entries.map((entry, i) => (
        <li key={entry.key} className="list-none">
          {i === firstFuture && (
            <p className="-ml-0.5 my-3 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-brand-700" role="separator">
              <span className="h-0.5 w-4 bg-brand-600" /> Today — planned from here on
            </p>
          )}
          <article
            className="relative ml-4 border-b border-slate-100 py-3"
            aria-label={`${retiredOf(entry) ? "Retired " : ""}${KIND_LABEL[entry.kind]} ${dateLabel(entry, timeZone)}`}
          >
            <span aria-hidden="true" className="absolute -left-[1.4rem] top-4 h-2.5 w-2.5 rounded-full border-2 border-white bg-slate-400" />
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at.toISOString()}>{dateLabel(entry, timeZone)}</time> · {KIND_LABEL[entry.kind]}
            </p>
            <Retired entry={entry} timeZone={timeZone} userNames={userNames}>
              <EntryBody entry={entry} timeZone={timeZone} userNames={userNames} />
            </Retired>
            <EntryHistory entry={entry} timeZone={timeZone} userNames={userNames} />
            <EntryActions entry={entry} timeZone={timeZone} actions={actions} />
          </article>
        </li>
      ))}
      {firstFuture === -1 && (
        <li className="list-none">
          <p className="my-3 ml-4 text-xs font-semibold uppercase tracking-wide text-brand-700">Today — nothing planned yet</p>
        </li>
      )}
    </ol>
  );
}

type RetiredFacts = { retiredAt: Date | null; retireReason: string | null; retiredById: string | null };

/** The retire facts of a record entry, when it was retired (entered in error). */
function retiredOf(entry: TimelineEntry): RetiredFacts | null {
  if (!("record" in entry)) return null;
  const record = entry.record as RetiredFacts;
  return record.retiredAt ? record : null;
}

/**
 * A retired record stays on the timeline, struck through, with who retired it, when and why. Only
 * the record is struck: the retired line and its history (EntryHistory) stay readable.
 */
function Retired({ entry, timeZone, userNames, children }: { entry: TimelineEntry; timeZone: string; userNames: Record<string, string>; children: React.ReactNode }) {
  const retired = retiredOf(entry);
  if (!retired) return children;
  const who = retired.retiredById ? (userNames[retired.retiredById] ?? "someone") : "someone";
  return (
    <div>
      <p className="mb-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone="neutral">Retired</Badge>
        Entered in error — retired by {who} on {formatInstant(retired.retiredAt!, timeZone)}
        {retired.retireReason ? `: ${retired.retireReason}` : "."}
      </p>
      <div className="text-slate-500 line-through decoration-slate-400">{children}</div>
    </div>
  );
}

function dateLabel(entry: TimelineEntry, timeZone: string): string {
  if ("dateOnly" in entry) return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${entry.dateOnly}T00:00:00Z`));
  return formatInstant(entry.at, timeZone);
}

const LINK = "text-brand-700 underline underline-offset-2";

/** The record itself: what it is, its state and its values (struck through once retired). */
function EntryBody({ entry, timeZone, userNames }: { entry: TimelineEntry; timeZone: string; userNames: Record<string, string> }) {
  switch (entry.kind) {
    case "subject": {
      const h = entry.history;
      return (
        <div>
          <p className="font-medium text-slate-900">{SUBJECT_ACTIONS[entry.action] ?? `Subject: ${actionLabel(entry.action)}`}</p>
          {h && <p className="text-xs text-slate-600">by {h.actorName}</p>}
          {h?.reason && <p className="text-sm text-slate-700">Reason: {h.reason}</p>}
          {h && h.action !== "create" && <ChangeList changes={h.changes} entity="subject" timeZone={timeZone} userNames={userNames} />}
        </div>
      );
    }
    case "consent":
      return <p className="font-medium text-slate-900">Informed consent signed</p>;
    case "screening": {
      const s = entry.record;
      return (
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            Screening <ScreeningBadge value={s.screeningStatus} />
          </p>
          <p className="text-xs text-slate-600">Completed by {s.completedByName}</p>
          {s.failReason && <p className="text-sm text-slate-700">Reason: {s.failReason}</p>}
          {s.notes && <p className="whitespace-pre-line text-sm text-slate-700">{s.notes}</p>}
        </div>
      );
    }
    case "visit": {
      const v = entry.record;
      return (
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            <RecordLink href={`/visits/${v.id}`} retired={v.retiredAt !== null} className={LINK}>
              {v.scheduleName ?? humanize(v.visitType)}
            </RecordLink>
            <Badge tone={VISIT_TONE[v.visitStatus]}>{humanize(v.visitStatus)}</Badge>
            {/* A retired visit calls for nothing: no overdue or window flag. */}
            {v.overdue && !v.retiredAt && <Badge tone="warning">Overdue</Badge>}
            {v.outOfWindow && !v.retiredAt && <Badge tone="danger">Out of window</Badge>}
          </p>
          <p className="text-xs text-slate-600">
            {humanize(v.visitType)} · scheduled {formatInstant(v.scheduledAt, timeZone)}
            {v.completedAt ? ` · completed ${formatInstant(v.completedAt, timeZone)}` : ""}
            {v.windowStart && v.windowEnd ? ` · window ${v.windowStart} to ${v.windowEnd}` : ""}
            {v.location ? ` · ${v.location}` : ""} · {v.coordinatorName}
          </p>
          {v.statusReason && <p className="text-sm text-slate-700">Reason: {v.statusReason}</p>}
        </div>
      );
    }
    case "ae": {
      const ae = entry.record;
      return (
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            <RecordLink href={`/adverse-events/${ae.id}`} retired={ae.retiredAt !== null} className={LINK}>
              {ae.eventTerm}
            </RecordLink>
            <Badge tone={ae.severity === "severe" ? "danger" : ae.severity === "moderate" ? "warning" : "neutral"}>{humanize(ae.severity)}</Badge>
            {ae.serious && <Badge tone="danger">Serious</Badge>}
            {ae.grade !== null && <Badge>Grade {ae.grade}</Badge>}
            <Badge tone={AE_TONE[ae.status]}>{humanize(ae.status)}</Badge>
          </p>
          <p className="text-xs text-slate-600">
            Onset {ae.onsetDate} · site aware {formatInstant(ae.awareAt, timeZone)} · reported by {ae.reportedByName}
          </p>
        </div>
      );
    }
    case "note": {
      const n = entry.record;
      return (
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            {humanize(n.noteType)} note <span className="text-xs font-normal text-slate-600">by {n.authorName}</span>
            {n.edited && <Badge tone="info">Edited</Badge>}
          </p>
          {n.noteText === null ? (
            <p className="text-sm italic text-slate-500">Note text withheld (de-identified view).</p>
          ) : (
            <p className="whitespace-pre-line text-sm text-slate-800">{n.noteText}</p>
          )}
        </div>
      );
    }
    case "task":
      return <ClosedTask task={entry.record} timeZone={timeZone} />;
  }
}

const HISTORY_OF = { screening: "screening", visit: "visit", ae: "adverse_event", note: "subject_note" } as const;

/** The record's changes from the audit trail (a note's only once edited or retired: its creation is the note itself). */
function EntryHistory({ entry, timeZone, userNames }: { entry: TimelineEntry; timeZone: string; userNames: Record<string, string> }) {
  if (!("history" in entry) || entry.kind === "subject") return null;
  if (entry.kind === "note" && !entry.record.edited && !entry.record.retiredAt) return null;
  return <HistoryList history={entry.history} entity={HISTORY_OF[entry.kind]} timeZone={timeZone} userNames={userNames} />;
}

/** What this actor may do to the record from the timeline: edit their own note; retire a screening, or their own note. */
function EntryActions({ entry, timeZone, actions }: { entry: TimelineEntry; timeZone: string; actions: TimelineActions }) {
  if (entry.kind !== "screening" && entry.kind !== "note") return null;
  const r = entry.record;
  const editable = entry.kind === "note" && entry.record.noteText !== null && actions.editableNoteIds.has(r.id);
  const retirable = actions.retirableIds.has(r.id);
  if (!editable && !retirable) return null;
  const noun = entry.kind === "note" ? "note" : "screening";
  return (
    <div className="mt-2 flex flex-wrap items-start gap-2 print:hidden">
      {retirable && (
        <RetireDialog
          noun={noun}
          record={r}
          action={entry.kind === "note" ? actions.retireNote : actions.retireScreening}
          openName={`Retire ${noun} of ${dateLabel(entry, timeZone)}`}
        >
          <p>
            Use this only for a {noun} that should never have been recorded (a duplicate, the wrong subject). It will leave every list; nothing is
            deleted, and this timeline keeps it struck through with who retired it, when and why.
            {entry.kind === "screening" && " The subject's screening status follows their latest remaining screening."}
          </p>
        </RetireDialog>
      )}
      {entry.kind === "note" && editable && (
        <EditNoteForm note={{ id: r.id, version: r.version, noteType: entry.record.noteType, noteText: entry.record.noteText! }} action={actions.editNote} />
      )}
    </div>
  );
}
