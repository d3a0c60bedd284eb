import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SubjectForm } from "@/components/subjects/subject-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { instantToLocalInput } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { coordinatorOptions, getSubject } from "@/lib/subjects/queries";
import { updateSubjectAction } from "../../actions";

export const metadata: Metadata = { title: "Edit subject" };

export default async function EditSubjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  // Site-scoped: another site's subject is "not found", before any question of role.
  const subject = await getSubject(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  guard(actor, "subject.update", { siteId: subject.siteId, studyId: subject.studyId });
  const coordinators = await coordinatorOptions(actor, { activeOnly: true });
  // Keep the current coordinator choosable even if they have since left the site's active staff.
  if (!coordinators.some((c) => c.value === subject.coordinatorId)) {
    coordinators.push({ value: subject.coordinatorId, label: `${subject.coordinatorName} (inactive)` });
  }
  const tz = subject.siteTimezone;
  return (
    <>
      <PageHeader title={`Edit ${subject.subjectId}`} description="Every change needs a reason; the timeline keeps the previous values." />
      <SubjectForm
        mode="edit"
        action={updateSubjectAction}
        studies={[]}
        coordinators={coordinators}
        timeZone={tz}
        record={{ id: subject.id, version: subject.version, studyLabel: `${subject.protocolId} — ${subject.studyTitle}`, screeningStatus: subject.screeningStatus }}
        defaults={{
          subjectId: subject.subjectId,
          fullName: subject.fullName ?? "",
          coordinatorId: subject.coordinatorId,
          dob: subject.dob ?? "",
          sexAtBirth: subject.sexAtBirth ?? "",
          consentSignedAt: subject.consentSignedAt ? instantToLocalInput(subject.consentSignedAt, tz) : "",
        }}
        cancelHref={`/subjects/${subject.id}`}
      />
    </>
  );
}
