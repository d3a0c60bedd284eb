import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { StudyOverview } from "@/components/sponsor/study-overview";
import { Badge, humanize } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { formatInstant } from "@/lib/format";
import { getStudyOverview, mayViewSponsorOverview } from "@/lib/sponsor/queries";

export const metadata: Metadata = { title: "Study overview" };

/** One granted study's de-identified overview; a study not granted is "not found". */
export default async function StudyOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  guard(actor, "study.read");
  if (!mayViewSponsorOverview(actor)) forbidden();
  const now = new Date();
  const overview = await getStudyOverview(actor, id, now).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { study } = overview;
  const filtered = (path: string) => `${path}?studyId=${study.id}`;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/sponsor" className="text-brand-700 underline underline-offset-2">
          ← All studies
        </Link>
      </p>
      <PageHeader
        title={`${study.protocolId} — ${study.title}`}
        description={`${study.siteName} · figures as of ${formatInstant(now, study.siteTimezone)}. Counts only: no subject is named here.`}
        actions={<Badge tone={study.status === "recruiting" ? "success" : "neutral"}>{humanize(study.status)}</Badge>}
      />
      <StudyOverview overview={overview} />
      <nav aria-label="Study records" className="mt-5 flex flex-wrap gap-4 text-sm">
        <Link href={filtered("/subjects")} className="text-brand-700 underline underline-offset-2">Subjects of this study</Link>
        <Link href={filtered("/visits") + "&view=agenda"} className="text-brand-700 underline underline-offset-2">Visits</Link>
        <Link href={filtered("/adverse-events")} className="text-brand-700 underline underline-offset-2">Adverse events</Link>
        <Link href={`/adverse-events?studyId=${study.id}&serious=true`} className="text-brand-700 underline underline-offset-2">Serious adverse events</Link>
      </nav>
    </div>
  );
}
