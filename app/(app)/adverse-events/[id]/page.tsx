import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AeHistory } from "@/components/adverse-events/ae-history";
import { EditPanel } from "@/components/adverse-events/edit-panel";
import { SponsorClockPanel } from "@/components/adverse-events/sponsor-clock";
import { SignaturePanel } from "@/components/safety/signature-panel";
import { Badge, humanize } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { AE_FIELD_LABELS, formatAeValue } from "@/lib/adverse-events/labels";
import { getAdverseEvent } from "@/lib/adverse-events/queries";
import { requireActor } from "@/lib/auth/actor";
import { instantToLocalInput, localDate, siteToday } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatInstant } from "@/lib/format";
import { can } from "@/lib/policy";
import { listSignatures } from "@/lib/signatures/queries";
import { STATUS_TONE } from "@/components/adverse-events/tones";
import { retireAeAction, updateAeAction } from "../actions";
import { RetireDialog } from "@/components/records/retire-dialog";

export const metadata: Metadata = { title: "Adverse event" };

export default async function AdverseEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ reported?: string }>;
}) {
  const [{ id }, { reported }] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const ae = await getAdverseEvent(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const tz = ae.timeZone;
  const signatures = await listSignatures(actor, { entity: "adverse_event", id: ae.id, siteId: ae.siteId, studyId: ae.studyId });
  const now = new Date();
  const mayEdit = can(actor, "ae.update", { siteId: ae.siteId, studyId: ae.studyId, signed: ae.signed });
  const show = (field: string, value: unknown) => formatAeValue(field, value, tz);

  const facts: [string, React.ReactNode][] = [
    [
      "Subject",
      <Link key="s" href={`/subjects/${ae.subjectId}`} className="text-brand-700 underline underline-offset-2">
        {ae.subjectCode}
        {ae.subjectName ? ` · ${ae.subjectName}` : ""}
      </Link>,
    ],
    ["Study", ae.protocolId],
    [AE_FIELD_LABELS.eventTerm!, ae.eventTerm],
    [AE_FIELD_LABELS.severity!, show("severity", ae.severity)],
    [AE_FIELD_LABELS.grade!, show("grade", ae.grade)],
    [AE_FIELD_LABELS.serious!, ae.serious ? <Badge key="x" tone="danger">Serious</Badge> : "No"],
    ...(ae.serious ? ([[AE_FIELD_LABELS.seriousnessCriteria!, show("seriousnessCriteria", ae.seriousnessCriteria)]] as [string, string][]) : []),
    [AE_FIELD_LABELS.onsetDate!, formatDate(ae.onsetDate)],
    [AE_FIELD_LABELS.endDate!, ae.endDate ? formatDate(ae.endDate) : "Ongoing"],
    [AE_FIELD_LABELS.awareAt!, formatInstant(ae.awareAt, tz)],
    [AE_FIELD_LABELS.outcome!, show("outcome", ae.outcome)],
    [AE_FIELD_LABELS.status!, <Badge key="st" tone={STATUS_TONE[ae.status]}>{humanize(ae.status)}</Badge>],
    ["Reported by", `${ae.reportedByName} · ${formatInstant(ae.createdAt, tz)}`],
    ["Investigator assessment", ae.assessedAt ? `${humanize(ae.causality)}, ${humanize(ae.expectedness)} — ${ae.assessedByName ?? "—"}, ${formatInstant(ae.assessedAt, tz)}` : "Not yet assessed"],
    ["Signature", ae.signed && ae.signedAt ? `Signed by ${ae.signedByName} · ${formatInstant(ae.signedAt, tz)}` : "Not signed"],
  ];

  return (
    <>
      <PageHeader
        title={`Adverse event: ${ae.eventTerm}`}
        description={`${ae.subjectCode}${ae.subjectName ? ` · ${ae.subjectName}` : ""} · ${ae.protocolId} · times in ${tz}`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/adverse-events" className="text-sm text-slate-700 underline underline-offset-2">
              All adverse events
            </Link>
            {can(actor, "ae.retire", { siteId: ae.siteId, studyId: ae.studyId }) && <RetireDialog noun="adverse event" record={ae} action={retireAeAction} />}
          </div>
        }
      />
      {reported === "1" && (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Adverse event reported{ae.serious ? ". Notify the sponsor before the deadline below." : "."}
        </p>
      )}
      <SponsorClockPanel ae={ae} timeZone={tz} now={now.toISOString()} />
      <dl className="grid max-w-4xl grid-cols-1 gap-x-8 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <SignaturePanel
        signatures={signatures}
        timeZone={tz}
        unsignedText={ae.assessedAt ? "Assessed, not signed: awaiting the investigator's signature in Safety review." : "Not yet assessed or signed by an investigator."}
      />
      <div className="mt-4 max-w-4xl">
        {mayEdit && ae.signed && (
          <p className="mb-2 text-sm text-amber-900">Saving a change to signed content voids the investigator&apos;s signature and returns this event to Safety review.</p>
        )}
        {mayEdit ? (
          <EditPanel
            action={updateAeAction}
            key={ae.version}
            id={ae.id}
            version={ae.version}
            today={siteToday(tz, now)}
            nowLocal={instantToLocalInput(now, tz)}
            minOnset={ae.consentSignedAt ? localDate(ae.consentSignedAt, tz) : undefined}
            values={{
              eventTerm: ae.eventTerm,
              severity: ae.severity,
              grade: ae.grade ? String(ae.grade) : "",
              serious: ae.serious,
              seriousnessCriteria: ae.seriousnessCriteria,
              onsetDate: ae.onsetDate,
              awareAt: instantToLocalInput(ae.awareAt, tz),
              outcome: ae.outcome ?? "",
              endDate: ae.endDate ?? "",
              status: ae.status,
            }}
          />
        ) : null}
      </div>
      <AeHistory entries={ae.history} timeZone={tz} />
    </>
  );
}
