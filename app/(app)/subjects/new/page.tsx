import type { Metadata } from "next";
import { SubjectForm } from "@/components/subjects/subject-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { coordinatorOptions, openStudyOptions } from "@/lib/subjects/queries";
import { createSubjectAction } from "../actions";

export const metadata: Metadata = { title: "New subject" };

export default async function NewSubjectPage() {
  const actor = await requireActor();
  // Subjects are registered at the actor's own site (sponsors and admins may not).
  guard(actor, "subject.create", { siteId: actor.siteId });
  const [studies, coordinators] = await Promise.all([openStudyOptions(actor), coordinatorOptions(actor, { activeOnly: true })]);
  return (
    <>
      <PageHeader title="New subject" description="Register a subject in one of your site's studies. Screening starts as pending." />
      {studies.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          None of your site&apos;s studies is taking subjects in. Ask an administrator to open one.
        </p>
      ) : (
        <SubjectForm
          mode="create"
          action={createSubjectAction}
          studies={studies}
          coordinators={coordinators}
          timeZone={actor.siteTimezone ?? "UTC"}
          defaults={{ studyId: studies.length === 1 ? studies[0]!.value : undefined, coordinatorId: actor.role === "coordinator" ? actor.id : undefined }}
          cancelHref="/subjects"
        />
      )}
    </>
  );
}
