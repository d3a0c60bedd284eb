import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { mailConfig } from "@/lib/mail/config";
import { listOutbox, outboxCounts, outboxFilter, type OutboxFilter } from "@/lib/mail/queries";
import { OutboxTable } from "./outbox-table";

export const metadata: Metadata = { title: "Email outbox" };

const FILTERS: { value: OutboxFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "pending", label: "Pending" },
  { value: "sent", label: "Sent" },
  { value: "dead", label: "Dead" },
];

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string; status?: string }> }) {
  const actor = await requireActor();
  guard(actor, "outbox.manage");
  const params = await searchParams;
  const status = outboxFilter(params.status);
  const [{ rows, page, pageCount, total }, counts] = await Promise.all([
    listOutbox(actor, { page: Number(params.page) || 1, status }),
    outboxCounts(actor),
  ]);
  const smtpConfigured = mailConfig().smtpUrl !== null;
  const countOf = (s: OutboxFilter) => (s === "all" ? counts.pending + counts.sent + counts.dead : counts[s]);
  const href = (p: { page?: number; status?: OutboxFilter }) => {
    const q = new URLSearchParams();
    const s = p.status ?? status;
    if (s !== "all") q.set("status", s);
    if (p.page && p.page > 1) q.set("page", String(p.page));
    const qs = q.toString();
    return `/admin/outbox${qs ? `?${qs}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Email outbox"
        description="Every email TrialDesk queued: sent, waiting for another attempt, or given up after repeated failures (retry those once the cause is fixed)."
      />
      {!smtpConfigured && (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Email is not being sent: no SMTP server is configured (SMTP_URL). Messages wait here and go out once it is set.
        </p>
      )}
      <nav aria-label="Filter by status" className="mb-3 flex flex-wrap gap-1 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={href({ status: f.value, page: 1 })}
            aria-current={status === f.value ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 ${status === f.value ? "bg-brand-50 font-medium text-brand-800 ring-1 ring-brand-100" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {f.label} <span className="tabular-nums text-slate-600">({countOf(f.value)})</span>
          </Link>
        ))}
      </nav>
      <OutboxTable rows={rows} smtpConfigured={smtpConfigured} />
      <Pagination page={page} pageCount={pageCount} total={total} hrefFor={(p) => href({ page: p })} />
    </>
  );
}
