import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportForm } from "@/components/adverse-events/report-form";
import { PageHeader } from "@/components/ui/page-header";
import { listReportableSubjects } from "@/lib/adverse-events/queries";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { instantToLocalInput, localDate, siteToday } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { first } from "@/lib/list/params";
import { reportAeAction } from "../actions";

export const metadata: Metadata = { title: "Report adverse event" };

export default async function NewAdverseEventPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  // Sponsors and admins never report: 403. A foreign subject in the URL: 404 below.
  guard(actor, "ae.report", { siteId: actor.siteId });
  const subjectId = first((await searchParams).subjectId) || undefined;
  const subjects = await listReportableSubjects(actor, subjectId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const tz = actor.siteTimezone ?? "UTC";
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Report adverse event"
        description={`Times are ${actor.siteName ?? "site"} time (${tz}). A serious event starts the 24-hour sponsor-notification clock from “Aware at”.`}
      />
      <ReportForm
        action={reportAeAction}
        subjects={subjects.map((s) => ({ id: s.id, label: s.label, consentDate: s.consentSignedAt ? localDate(s.consentSignedAt, tz) : null }))}
        subjectId={subjectId}
        today={siteToday(tz, now)}
        nowLocal={instantToLocalInput(now, tz)}
      />
    </>
  );
}
