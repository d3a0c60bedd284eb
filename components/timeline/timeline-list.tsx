/**
 * The subject's timeline, oldest first: each entry with its date (site time, zone named), what it
 * is, its status by text and colour, and its own history from the audit trail. A "Today" line
 * separates what happened from what is planned.
 */
import Link from "next/link";
import { Badge, humanize } from "@/components/ui/badge";
import { formatInstant } from "@/lib/format";
import type { ActionState } from "@/lib/action-state";
import type { TimelineEntry } from "@/lib/timeline/types";
import { ScreeningBadge } from "@/components/subjects/status-badges";
import { ChangeList, HistoryList, actionLabel } from "./history-list";
import { EditNoteForm } from "./note-forms";

const VISIT_TONE = { scheduled: "info", completed: "success", missed: "danger", canceled: "neutral" } as const;
const AE_TONE = { open: "warning", follow_up: "info", resolved: "success", closed: "neutral" } as const;
const KIND_LABEL: Record<TimelineEntry["kind"], string> = {
  subject: "Subject",
  consent: "Consent",
  screening: "Screening",
  visit: "Visit",
  ae: "Adverse event",
  note: "Note",
};
const SUBJECT_ACTIONS: Record<string, string> = {
  create: "Subject registered",
  update: "Subject details changed",
  enroll: "Enrolled in the study",
  withdraw: "Withdrawn from the study",
  complete: "Completed the study",
  lose_to_follow_up: "Lost to follow-up",
};

type Props = {
  entries: TimelineEntry[];
  timeZone: string;
  now: Date;
  userNames: Record<string, string>;
  /** Ids of the notes this actor may edit (their own). */
  editableNoteIds: ReadonlySet<string>;
  editNoteAction: (prev: ActionState, data: FormData) => Promise<ActionState>;
};

export function TimelineList({ entries, timeZone, now, userNames, editableNoteIds, editNoteAction }: Props) {
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
              <EntryBody entry={entry} timeZone={timeZone} userNames={userNames} editableNoteIds={editableNoteIds} editNoteAction={editNoteAction} />
            </Retired>
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

/** A retired record stays on the timeline, struck through, with who retired it, when and why. */
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

/** A record's own page; a retired record has none (it is out of every read but this timeline). */
function RecordLink({ href, retired, children }: { href: string; retired: boolean; children: React.ReactNode }) {
  if (retired) return <span>{children}</span>;
  return (
    <Link href={href} className="text-brand-700 underline underline-offset-2">
      {children}
    </Link>
  );
}

function dateLabel(entry: TimelineEntry, timeZone: string): string {
  if ("dateOnly" in entry) return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${entry.dateOnly}T00:00:00Z`));
  return formatInstant(entry.at, timeZone);
}

function EntryBody({ entry, timeZone, userNames, editableNoteIds, editNoteAction }: { entry: TimelineEntry } & Omit<Props, "entries" | "now">) {
  const history = (h: Parameters<typeof HistoryList>[0]["history"], entity: string) => (
    <HistoryList history={h} entity={entity} timeZone={timeZone} userNames={userNames} />
  );
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
          {history(entry.history, "screening")}
        </div>
      );
    }
    case "visit": {
      const v = entry.record;
      return (
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            <RecordLink href={`/visits/${v.id}`} retired={v.retiredAt !== null}>
              {v.scheduleName ?? humanize(v.visitType)}
            </RecordLink>
            <Badge tone={VISIT_TONE[v.visitStatus]}>{humanize(v.visitStatus)}</Badge>
            {v.overdue && <Badge tone="warning">Overdue</Badge>}
            {v.outOfWindow && <Badge tone="danger">Out of window</Badge>}
          </p>
          <p className="text-xs text-slate-600">
            {humanize(v.visitType)} · scheduled {formatInstant(v.scheduledAt, timeZone)}
            {v.completedAt ? ` · completed ${formatInstant(v.completedAt, timeZone)}` : ""}
            {v.windowStart && v.windowEnd ? ` · window ${v.windowStart} to ${v.windowEnd}` : ""}
            {v.location ? ` · ${v.location}` : ""} · {v.coordinatorName}
          </p>
          {v.statusReason && <p className="text-sm text-slate-700">Reason: {v.statusReason}</p>}
          {history(entry.history, "visit")}
        </div>
      );
    }
    case "ae": {
      const ae = entry.record;
      return (
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            <RecordLink href={`/adverse-events/${ae.id}`} retired={ae.retiredAt !== null}>
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
          {history(entry.history, "adverse_event")}
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
          {n.edited && history(entry.history, "subject_note")}
          {n.noteText !== null && editableNoteIds.has(n.id) && (
            <EditNoteForm note={{ id: n.id, version: n.version, noteType: n.noteType, noteText: n.noteText }} action={editNoteAction} />
          )}
        </div>
      );
    }
  }
}
