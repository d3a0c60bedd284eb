import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge, humanize } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { formatInstant } from "@/lib/format";
import { getSubject } from "@/lib/subjects/queries";

export const metadata: Metadata = { title: "Subject" };

export default async function SubjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const subject = await getSubject(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const tz = actor.siteTimezone ?? "UTC";
  const facts: [string, React.ReactNode][] = [
    ["Subject ID", subject.subjectId],
    ["Full name", subject.fullName ?? "Hidden (de-identified)"],
    ["Study", `${subject.protocolId} — ${subject.studyTitle}`],
    ["Screening status", <Badge key="s">{humanize(subject.screeningStatus)}</Badge>],
    ["Status", <Badge key="l" tone="info">{humanize(subject.status)}</Badge>],
    ["Coordinator", subject.coordinatorName],
    ["Date of birth", subject.dob ?? "—"],
    ["Sex at birth", humanize(subject.sexAtBirth)],
    ["Consent signed at", subject.consentSignedAt ? formatInstant(subject.consentSignedAt, tz) : "Not yet"],
  ];
  return (
    <>
      <PageHeader
        title={`${subject.subjectId}${subject.fullName ? ` · ${subject.fullName}` : ""}`}
        description="The full timeline (screenings, visits, adverse events, notes and changes) arrives in the next release."
      />
      <dl className="grid max-w-3xl grid-cols-1 gap-x-8 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
