import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainStatus, ChainStatusPending } from "@/components/audit/chain-status";
import { KeysetPager } from "@/components/audit/keyset-pager";
import { humanize } from "@/components/ui/badge";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar } from "@/components/ui/list/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { parseAuditLogParams } from "@/lib/audit/log/params";
import { getAuditFilterOptions, listAuditLog } from "@/lib/audit/log/queries";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { listHref, type SearchParams } from "@/lib/list/params";

export const metadata: Metadata = { title: "Audit log" };

const PATH = "/audit";
const NO_CURSOR = { before: undefined, after: undefined };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "audit.read");
  const params = await searchParams;
  const state = parseAuditLogParams(params);
  const [page, options] = await Promise.all([listAuditLog(actor, state), getAuditFilterOptions(actor)]);
  const f = state.filters;
  const filtered = Object.values(f).some((v) => v !== undefined);
  const paged = state.cursor.before !== undefined || state.cursor.after !== undefined;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in, refusal and export, newest first, with old → new values and the reason given. Times and the date filter are UTC; each row also shows its site's local time."
        actions={<ExportLink href={listHref(`${PATH}/export`, params, NO_CURSOR)} />}
      />
      <div className="mb-3">
        <Suspense fallback={<ChainStatusPending />}>
          <ChainStatus actor={actor} />
        </Suspense>
      </div>
      <FilterBar
        action={PATH}
        clearHref={PATH}
        fields={[
          { kind: "select", name: "actorId", label: "User", options: options.users, value: f.actorId },
          { kind: "select", name: "entity", label: "Entity", options: options.entities.map((e) => ({ value: e, label: humanize(e) })), value: f.entity },
          { kind: "select", name: "action", label: "Action", options: options.actions.map((a) => ({ value: a, label: a })), value: f.action },
          { kind: "search", name: "entityId", label: "Record ID", placeholder: "Exact id", value: f.entityId },
          { kind: "date", name: "from", label: "From (UTC)", value: f.from },
          { kind: "date", name: "to", label: "To (UTC)", value: f.to },
        ]}
      />
      <AuditTable
        rows={page.rows}
        names={page.names}
        empty={
          paged ? (
            <>
              No more events this way.{" "}
              <Link href={listHref(PATH, params, NO_CURSOR)} className="text-brand-700 underline underline-offset-2">
                Back to the newest
              </Link>
              .
            </>
          ) : filtered ? (
            <>
              No events match these filters.{" "}
              <Link href={PATH} className="text-brand-700 underline underline-offset-2">
                Clear the filters
              </Link>{" "}
              or widen the dates.
            </>
          ) : (
            "Nothing has been recorded yet. Every sign-in and change will appear here."
          )
        }
      />
      <KeysetPager
        shown={page.rows.length}
        newestHref={paged ? listHref(PATH, params, NO_CURSOR) : null}
        newerHref={page.newerThan !== null ? listHref(PATH, params, { after: page.newerThan, before: undefined }) : null}
        olderHref={page.olderThan !== null ? listHref(PATH, params, { before: page.olderThan, after: undefined }) : null}
      />
    </>
  );
}
