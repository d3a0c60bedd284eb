import type { Metadata } from "next";
import Link from "next/link";
import { Badge, humanize } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { listRecentSubjects } from "@/lib/subjects/queries";

export const metadata: Metadata = { title: "Subjects" };

export default async function SubjectsPage() {
  const actor = await requireActor();
  guard(actor, "subject.read");
  const recent = await listRecentSubjects(actor, 10);
  return (
    <>
      <PageHeader
        title="Subjects"
        description="The full registry — search, filters, new-subject form, enrollment — is coming in the next release. Until then, the recently updated subjects open from here."
      />
      <section aria-labelledby="recent-heading" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="recent-heading" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-800">
          Recently updated
        </h2>
        {recent.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-slate-600">No subjects yet at your site.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {recent.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3 px-4 py-2 text-sm">
                <Link href={`/subjects/${s.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                  {s.subjectId}
                  {s.fullName ? ` · ${s.fullName}` : ""}
                </Link>
                <span className="text-slate-600">{s.protocolId}</span>
                <Badge>{humanize(s.screeningStatus)}</Badge>
                <Badge tone="info">{humanize(s.status)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
