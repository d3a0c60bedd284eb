import type { Metadata } from "next";
import Link from "next/link";
import { recordLogHref } from "@/lib/audit/log/links";
import { notFound } from "next/navigation";
import { GrantSponsorForm, RetireItemForm, RevokeSponsorForm } from "@/components/admin/row-forms";
import { ScheduleItemForm } from "@/components/admin/schedule-item-form";
import { StudyForm } from "@/components/admin/study-form";
import { StudyStatusBadge } from "@/components/admin/study-status-badge";
import { Badge, humanize } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getStudySetup, studyFormChoices } from "@/lib/admin/queries";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { formatInstant } from "@/lib/format";
import { grantSponsorAction, retireScheduleItemAction, revokeSponsorAction, saveScheduleItemAction, updateStudyAction } from "../actions";

export const metadata: Metadata = { title: "Study setup" };

const th = "px-3 py-2";
const td = "px-3 py-2";
// Admins have no site; grant times are shown in UTC, labelled.
const ADMIN_ZONE = "UTC";

export default async function StudySetupPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ edit?: string }>;
}) {
  const actor = await requireActor();
  guard(actor, "study.manage");
  const [{ id }, { edit }] = await Promise.all([params, searchParams]);
  const [setup, choices] = await Promise.all([getStudySetup(actor, id), studyFormChoices(actor)]);
  if (!setup) notFound();
  const { study, schedule, access } = setup;
  const editing = schedule.find((i) => i.id === edit && !i.retiredAt);
  const nextOrder = Math.max(0, ...schedule.map((i) => i.sortOrder)) + 1;
  const liveGrants = new Set(access.filter((a) => !a.revokedAt).map((a) => a.userId));
  return (
    <>
      <PageHeader
        title={`${study.protocolId} — ${study.title}`}
        description={`${setup.siteName} · enrolling a subject plans the visits below, anchored on the enrollment date.`}
        actions={
          <div className="flex items-center gap-3">
            <StudyStatusBadge status={study.status} />
            <Link href={recordLogHref("study", study.id)} className="text-sm text-brand-700 underline underline-offset-2">
              History
            </Link>
            <Link href="/admin/studies" className="text-sm text-brand-700 underline underline-offset-2">
              All studies
            </Link>
          </div>
        }
      />
      <div className="space-y-6">
        <section aria-labelledby="details" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="details" className="mb-3 text-sm font-semibold text-slate-900">
            Details
          </h2>
          <StudyForm key={study.version} study={study} sites={choices.sites} investigators={choices.investigators} action={updateStudyAction} />
        </section>

        <section aria-labelledby="schedule" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="schedule" className="mb-3 text-sm font-semibold text-slate-900">
            Visit schedule
          </h2>
          <div className="mb-4 overflow-x-auto rounded-md border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Visit schedule</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
                <tr>
                  <th scope="col" className={`${th} text-right`}>Order</th>
                  <th scope="col" className={th}>Code</th>
                  <th scope="col" className={th}>Visit name</th>
                  <th scope="col" className={th}>Visit type</th>
                  <th scope="col" className={`${th} text-right`}>Day offset</th>
                  <th scope="col" className={th}>Window</th>
                  <th scope="col" className={th}>Change</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {schedule.length === 0 && (
                  <tr>
                    <td colSpan={7} className="px-3 py-6 text-center text-slate-600">
                      No planned visits yet. Add the first (usually baseline, day 0) with the form below.
                    </td>
                  </tr>
                )}
                {schedule.map((item) => (
                  <tr key={item.id} className={item.retiredAt ? "text-slate-500" : item.id === editing?.id ? "bg-brand-50" : undefined}>
                    <td className={`${td} text-right tabular-nums`}>{item.sortOrder}</td>
                    <td className={`${td} font-mono`}>{item.code}</td>
                    <td className={td}>{item.name}</td>
                    <td className={td}>{humanize(item.visitType)}</td>
                    <td className={`${td} text-right tabular-nums`}>{item.dayOffset > 0 ? `+${item.dayOffset}` : item.dayOffset}</td>
                    <td className={`${td} tabular-nums`}>
                      −{item.windowBefore} / +{item.windowAfter} days
                    </td>
                    <td className={td}>
                      {item.retiredAt ? (
                        <span className="flex items-center gap-2">
                          <Badge>Retired</Badge>
                          <span className="text-xs">{item.retireReason}</span>
                        </span>
                      ) : (
                        <div className="flex flex-wrap items-center gap-3">
                          <Link href={`/admin/studies/${study.id}?edit=${item.id}#schedule-form`} className="text-brand-700 underline underline-offset-2" aria-label={`Edit ${item.code}`}>
                            Edit
                          </Link>
                          <RetireItemForm item={item} action={retireScheduleItemAction} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 id="schedule-form" className="mb-2 text-sm font-semibold text-slate-800">
            {editing ? `Edit visit ${editing.code}` : "Add a visit"}
          </h3>
          <ScheduleItemForm key={editing ? `${editing.id}-${editing.version}` : "new"} studyId={study.id} item={editing} nextOrder={nextOrder} action={saveScheduleItemAction} />
          <p className="mt-2 text-xs text-slate-600">Changes apply to subjects enrolled from now on; visits already planned keep their dates.</p>
        </section>

        <section aria-labelledby="sponsors" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="sponsors" className="mb-3 text-sm font-semibold text-slate-900">
            Sponsor access
          </h2>
          <div className="mb-4 overflow-x-auto rounded-md border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Sponsor access</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
                <tr>
                  <th scope="col" className={th}>Sponsor</th>
                  <th scope="col" className={th}>Granted</th>
                  <th scope="col" className={th}>Access</th>
                  <th scope="col" className={th}>Change</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {access.length === 0 && (
                  <tr>
                    <td colSpan={4} className="px-3 py-6 text-center text-slate-600">
                      No sponsor can see this study. Grant access below.
                    </td>
                  </tr>
                )}
                {access.map((a) => (
                  <tr key={a.userId} className={a.revokedAt ? "text-slate-500" : undefined}>
                    <td className={td}>
                      {a.displayName} <span className="font-mono text-xs">({a.username})</span>
                    </td>
                    <td className={td}>
                      {formatInstant(a.grantedAt, ADMIN_ZONE)}
                      {a.grantedBy ? ` by ${a.grantedBy}` : ""}
                    </td>
                    <td className={td}>
                      {a.revokedAt ? <Badge>Revoked {formatInstant(a.revokedAt, ADMIN_ZONE)}</Badge> : <Badge tone="success">Active</Badge>}
                    </td>
                    <td className={td}>{!a.revokedAt && <RevokeSponsorForm studyId={study.id} sponsor={a} action={revokeSponsorAction} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <GrantSponsorForm studyId={study.id} sponsors={setup.sponsors.filter((s) => !liveGrants.has(s.id))} action={grantSponsorAction} />
        </section>
      </div>
    </>
  );
}
