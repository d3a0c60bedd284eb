import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScheduleForm } from "@/components/visits/schedule-form";
import { humanize } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { first, type SearchParams } from "@/lib/list/params";
import { getSubject } from "@/lib/subjects/queries";
import { listSiteStaff } from "@/lib/users/site-staff";
import { calendarTimeZone, listSchedulableSubjects } from "@/lib/visits/queries";
import { SCHEDULABLE_SUBJECT_STATUSES } from "@/lib/visits/schedule";
import { scheduleVisitAction } from "./actions";

export const metadata: Metadata = { title: "Schedule visit" };

export default async function NewVisitPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "visit.create");
  const params = await searchParams;
  const subjectId = first(params.subjectId) || undefined;
  const q = first(params.q)?.trim() || undefined;
  // A subject named in the URL must be one the actor may see: another site's is "not found".
  const preselected = subjectId
    ? await getSubject(actor, subjectId).catch((error) => {
        if (error instanceof NotFoundError) notFound();
        throw error;
      })
    : null;
  const schedulable = preselected && (SCHEDULABLE_SUBJECT_STATUSES as readonly string[]).includes(preselected.status);
  const [subjects, staff] = await Promise.all([
    listSchedulableSubjects(actor, { q, includeId: schedulable ? preselected.id : undefined }),
    listSiteStaff(actor),
  ]);
  const timeZone = calendarTimeZone(actor);

  return (
    <>
      <PageHeader
        title="Schedule visit"
        description={`Times are ${timeZone} site time. Planned protocol visits are created when a subject is enrolled; schedule extra or unscheduled visits here.`}
        actions={
          <Link href="/visits" className="text-sm text-slate-700 underline underline-offset-2">
            Back to the calendar
          </Link>
        }
      />
      <div className="max-w-2xl space-y-4">
        {preselected && !schedulable && (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {preselected.subjectId} is {humanize(preselected.status).toLowerCase()}: visits can be scheduled only for subjects in screening or
            enrolled.
          </p>
        )}
        <Form action="/visits/new" role="search" aria-label="Find a subject" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3">
          {subjectId && <input type="hidden" name="subjectId" value={subjectId} />}
          <div className="flex flex-col gap-1">
            <label htmlFor="subject-search" className="text-xs font-medium text-slate-600">
              Find a subject (ID or name)
            </label>
            <input id="subject-search" name="q" type="search" defaultValue={q} className="w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
            Search
          </button>
          <p className="text-xs text-slate-600">
            {subjects.more ? `Showing the first ${subjects.options.length} subjects; search to narrow.` : `${subjects.options.length} subjects in screening or enrolled.`}
          </p>
        </Form>
        <ScheduleForm
          action={scheduleVisitAction}
          key={`${subjectId ?? ""}-${q ?? ""}`}
          subjects={subjects.options}
          staff={staff.map((s) => ({ value: s.id, label: `${s.displayName} (${s.role})` }))}
          preselectedId={schedulable ? preselected.id : undefined}
          timeZone={timeZone}
        />
      </div>
    </>
  );
}
