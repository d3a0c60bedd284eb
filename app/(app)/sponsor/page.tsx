import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { Badge, humanize } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { listSponsorStudies, mayViewSponsorOverview } from "@/lib/sponsor/queries";

export const metadata: Metadata = { title: "Sponsor overview" };

/** The sponsor's home: the studies granted to them, each linking to its de-identified overview. */
export default async function SponsorPage() {
  const actor = await requireActor();
  guard(actor, "study.read");
  if (!mayViewSponsorOverview(actor)) forbidden();
  const studies = await listSponsorStudies(actor);
  return (
    <div>
      <PageHeader
        title="Sponsor overview"
        description={
          actor.role === "admin"
            ? "Every study, as its sponsors see it: counts only, no names, read-only."
            : "The studies granted to you. Subjects are shown by study code only: no names, year of birth only, no notes."
        }
      />
      {studies.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No study has been granted to you yet. Ask a TrialDesk administrator to add you to the study&apos;s sponsor access list.
        </p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Studies granted to you</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="px-3 py-2 font-medium">Study</th>
              <th scope="col" className="px-3 py-2 font-medium">Site</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Subjects</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Enrolled</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Adverse events</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Serious</th>
            </tr>
          </thead>
          <tbody>
            {studies.map((s) => (
              <tr key={s.id} className="border-b border-slate-100 hover:bg-slate-50">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link href={`/sponsor/studies/${s.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                    {s.protocolId}
                  </Link>
                  <span className="ml-2 text-slate-600">{s.title}</span>
                </th>
                <td className="px-3 py-2 text-slate-700">{s.siteName}</td>
                <td className="px-3 py-2">
                  <Badge tone={s.status === "recruiting" ? "success" : s.status === "suspended" || s.status === "terminated" ? "warning" : "neutral"}>
                    {humanize(s.status)}
                  </Badge>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{s.subjects}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.enrolled}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.aes}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.seriousAes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
