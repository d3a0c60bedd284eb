import type { Metadata } from "next";
import Link from "next/link";
import { StudyForm } from "@/components/admin/study-form";
import { PageHeader } from "@/components/ui/page-header";
import { studyFormChoices } from "@/lib/admin/queries";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { createStudyAction } from "../actions";

export const metadata: Metadata = { title: "New study" };

export default async function NewStudyPage() {
  const actor = await requireActor();
  guard(actor, "study.manage");
  const { sites, investigators } = await studyFormChoices(actor);
  return (
    <>
      <PageHeader
        title="New study"
        description="After creating it, add its visit schedule and the sponsors who may see it."
        actions={<Link href="/admin/studies" className="text-sm text-brand-700 underline underline-offset-2">All studies</Link>}
      />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-4">
        <StudyForm sites={sites} investigators={investigators} action={createStudyAction} />
      </div>
    </>
  );
}
