import "@/components/timeline/timeline-print.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScreeningBadge, SubjectStatusBadge } from "@/components/subjects/status-badges";
import { RetireDialog } from "@/components/records/retire-dialog";
import { DialogForm } from "@/components/timeline/dialog-form";
import { FlashNotice } from "@/components/timeline/flash-notice";
import { AddNoteForm } from "@/components/timeline/note-forms";
import { OpenTasks } from "@/components/tasks/open-tasks";
import { PrintButton } from "@/components/timeline/print-button";
import { TimelineList } from "@/components/timeline/timeline-list";
import { humanize } from "@/components/ui/badge";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { formatInstant } from "@/lib/format";
import { first, type SearchParams } from "@/lib/list/params";
import { can } from "@/lib/policy";
import { enrollBlocker } from "@/lib/subjects/enroll";
import { siteToday } from "@/lib/dates";
import { exitBlocker } from "@/lib/subjects/exit";
import { canBeWithdrawn } from "@/lib/subjects/withdraw";
import { getSubjectTimeline } from "@/lib/timeline/subject-timeline";
import { assigneeChoices } from "@/lib/tasks/labels";
import { subjectTaskTargets } from "@/lib/timeline/task-targets";
import { listSiteStaff } from "@/lib/users/site-staff";
import {
  addNoteAction,
  completeAction,
  editNoteAction,
  enrollAction,
  lostToFollowUpAction,
  retireNoteAction,
  retireScreeningAction,
  retireSubjectAction,
  withdrawAction,
} from "./actions";
import { completeTaskAction, createTaskAction, dismissTaskAction, editTaskAction, reopenTaskAction } from "../../tasks/actions";

export const metadata: Metadata = { title: "Subject timeline" };

/** The two other ways out of a study besides withdrawal; each records a day and a reason. */
const EXITS = [
  {
    title: "Record study completion",
    openLabel: "Completed study",
    submitLabel: "Record completion",
    variant: "primary",
    action: completeAction,
    dateField: { label: "Completed on", hint: "The site-local day of the last protocol visit or contact." },
    reasonLabel: "Completion note",
    will: "will be recorded as having completed the study.",
  },
  {
    title: "Record lost to follow-up",
    openLabel: "Lost to follow-up",
    submitLabel: "Record lost to follow-up",
    variant: "danger",
    action: lostToFollowUpAction,
    dateField: { label: "Last contact", hint: "The site-local day the subject was last seen or reached." },
    reasonLabel: "What was tried, and why the subject is considered lost",
    will: "will be recorded as lost to follow-up.",
  },
] as const;

const NOTICES: Record<string, string> = {
  created: "Subject created.",
  updated: "Subject updated; the change and its reason are in the timeline.",
  "retired-visit": "Visit retired as entered in error; it stays on the timeline, struck through.",
  "retired-ae": "Adverse event retired as entered in error; it stays on the timeline, struck through.",
};
const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

export default async function SubjectTimelinePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  // Site-scoped (and authorised) in the query: another site's subject is simply not found.
  const timeline = await getSubjectTimeline(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { subject, entries, openTasks, plannedVisitCount, userNames, now } = timeline;
  const tz = subject.siteTimezone;
  const resource = { siteId: subject.siteId, studyId: subject.studyId };
  const may = {
    edit: can(actor, "subject.update", resource),
    enroll: can(actor, "subject.enroll", resource) && enrollBlocker(subject, subject.studyStatus) === null,
    withdraw: can(actor, "subject.withdraw", resource) && canBeWithdrawn(subject),
    exit: can(actor, "subject.exit", resource) && exitBlocker(subject, "completed") === null,
    retire: can(actor, "subject.retire", resource),
    note: can(actor, "note.create", resource),
    visit: can(actor, "visit.create", resource),
    ae: can(actor, "ae.report", resource),
    readTasks: can(actor, "task.read", resource),
    task: can(actor, "task.create", resource),
  };
  // Who a new task may go to: one more query, for site staff only.
  const staff = may.task ? await listSiteStaff(actor) : [];
  const taskWrite = may.task
    ? {
        actions: { create: createTaskAction, complete: completeTaskAction, reopen: reopenTaskAction, edit: editTaskAction, dismiss: dismissTaskAction },
        assignees: assigneeChoices(staff),
        about: subjectTaskTargets(subject, entries, tz),
        defaultAssignee: actor.id,
      }
    : undefined;
  // Retired records take no more changes; notes are edited and retired by their author only (the policy's `own`).
  const live = entries.flatMap((e) => ((e.kind === "note" || e.kind === "screening") && !e.record.retiredAt ? [e] : []));
  const noteMay = (action: "note.update" | "note.retire", e: (typeof live)[number]) =>
    e.kind === "note" && can(actor, action, { ...resource, authorId: e.record.authorId });
  const timelineActions = {
    editableNoteIds: new Set(live.flatMap((e) => (noteMay("note.update", e) ? [e.record.id] : []))),
    retirableIds: new Set(
      live.flatMap((e) => ((e.kind === "screening" ? can(actor, "screening.retire", resource) : noteMay("note.retire", e)) ? [e.record.id] : [])),
    ),
    editNote: editNoteAction,
    retireScreening: retireScreeningAction,
    retireNote: retireNoteAction,
  };
  const futureScheduled = entries.filter(
    (e) => e.kind === "visit" && !e.record.retiredAt && e.record.visitStatus === "scheduled" && e.record.scheduledAt > now,
  ).length;

  const facts: [string, React.ReactNode][] = [
    ["Subject ID", <span key="id" className="font-mono">{subject.subjectId}</span>],
    ["Full name", subject.fullName ?? "Withheld (de-identified)"],
    ["Study", `${subject.protocolId} — ${subject.studyTitle}`],
    ["Screening status", <ScreeningBadge key="s" value={subject.screeningStatus} />],
    ["Status", <SubjectStatusBadge key="l" value={subject.status} />],
    ["Coordinator", subject.coordinatorName],
    ["Date of birth", subject.dob ?? "—"],
    ["Sex at birth", humanize(subject.sexAtBirth)],
    ["Consent signed at", subject.consentSignedAt ? formatInstant(subject.consentSignedAt, tz) : "Not signed"],
  ];
  if (subject.enrolledAt) facts.push(["Enrolled at", formatInstant(subject.enrolledAt, tz)]);
  if (subject.withdrawnAt) facts.push(["Withdrawn at", formatInstant(subject.withdrawnAt, tz)]);
  if (subject.withdrawalReason) facts.push(["Withdrawal reason", subject.withdrawalReason]);
  if (subject.exitDate) facts.push([subject.status === "lost_to_follow_up" ? "Last contact" : "Completed on", subject.exitDate]);
  if (subject.exitReason) facts.push([subject.status === "lost_to_follow_up" ? "Lost to follow-up because" : "Completion note", subject.exitReason]);
  const today = siteToday(tz);
  const visitsCanceled =
    futureScheduled === 0 ? "No future visits need canceling." : `${futureScheduled} future scheduled ${futureScheduled === 1 ? "visit" : "visits"} will be canceled with this reason.`;

  return (
    <div data-print-timeline>
      <FlashNotice message={NOTICES[first(query.notice) ?? ""] ?? null} />
      <PageHeader
        title={`${subject.subjectId}${subject.fullName ? ` · ${subject.fullName}` : ""}`}
        description={`${subject.protocolId} · times in site time (${tz})`}
        actions={
          <div className="flex flex-wrap items-center gap-2 print:hidden">
            <LiveRefresh entities={["subject", "screening", "visit", "adverse_event", "subject_note", "task"]} subject={{ id: subject.id }} />
            <PrintButton />
            {may.edit && (
              <Link href={`/subjects/${subject.id}/edit`} className={link}>
                Edit
              </Link>
            )}
            {may.withdraw && (
              <DialogForm
                title="Withdraw subject"
                openLabel="Withdraw"
                submitLabel="Withdraw subject"
                variant="danger"
                action={withdrawAction}
                hidden={{ id: subject.id, version: subject.version }}
                reasonLabel="Reason for withdrawal"
              >
                <p>
                  {subject.subjectId} will be withdrawn from {subject.protocolId}, and{" "}
                  {futureScheduled === 0 ? "no future visits need canceling" : `${futureScheduled} future scheduled ${futureScheduled === 1 ? "visit" : "visits"} will be canceled`} with
                  this reason.
                </p>
                <p>Past visits stay as they are, for you to record. This cannot be undone here.</p>
              </DialogForm>
            )}
            {may.exit &&
              EXITS.map((exit) => (
                <DialogForm
                  key={exit.title}
                  title={exit.title}
                  openLabel={exit.openLabel}
                  submitLabel={exit.submitLabel}
                  variant={exit.variant}
                  action={exit.action}
                  hidden={{ id: subject.id, version: subject.version }}
                  dateField={{ ...exit.dateField, name: "exitDate", max: today }}
                  reasonLabel={exit.reasonLabel}
                >
                  <p>
                    {subject.subjectId} {exit.will} {visitsCanceled}
                  </p>
                </DialogForm>
              ))}
            {may.enroll && (
              <DialogForm title="Enroll subject" openLabel="Enroll" submitLabel="Enroll subject" action={enrollAction} hidden={{ id: subject.id, version: subject.version }}>
                <p>
                  {subject.subjectId} will be enrolled in {subject.protocolId} today, and {plannedVisitCount} planned{" "}
                  {plannedVisitCount === 1 ? "visit" : "visits"} will be scheduled from the study&apos;s visit schedule, each at 09:00 site time with its
                  protocol window.
                </p>
              </DialogForm>
            )}
            {may.retire && (
              <RetireDialog noun="subject" record={subject} action={retireSubjectAction}>
                <p>
                  Use this only for a record that should never have existed (a duplicate, a test entry). {subject.subjectId} will leave the registry and
                  every list and count; nothing is deleted, and the audit trail keeps who retired it, when and why.
                </p>
              </RetireDialog>
            )}
          </div>
        }
      />
      <dl className="mb-5 grid grid-cols-1 gap-x-8 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {(may.visit || may.ae) && (
        <nav aria-label="Subject actions" className="mb-3 flex flex-wrap gap-2 print:hidden">
          {may.visit && (
            <Link href={`/visits/new?subjectId=${subject.id}`} className={link}>
              Schedule visit
            </Link>
          )}
          {may.ae && (
            <Link href={`/adverse-events/new?subjectId=${subject.id}`} className={link}>
              Report AE
            </Link>
          )}
        </nav>
      )}
      {may.note && (
        <div className="mb-5">
          <AddNoteForm subjectId={subject.id} action={addNoteAction} />
        </div>
      )}
      {may.readTasks && <OpenTasks tasks={openTasks} timeZone={tz} write={taskWrite} />}
      <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white px-5 py-3">
        <h2 id="timeline-heading" className="mb-2 text-sm font-semibold text-slate-800">
          Timeline
        </h2>
        <TimelineList entries={entries} timeZone={tz} now={now} userNames={userNames} actions={timelineActions} />
      </section>
    </div>
  );
}
