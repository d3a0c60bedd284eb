/**
 * The table columns an AE row has wherever it is listed (the AE list, the safety queue): the
 * subject (its name only when the query gave one), the event term linking to the AE, seriousness
 * with the sponsor clock ticking in the browser, and when the site learnt of it. Each table adds
 * its own columns around these.
 */
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { SortLink } from "@/components/ui/list/sort-link";
import type { AeRow } from "@/lib/adverse-events/row-select";
import { formatInstant } from "@/lib/format";
import { ClockBadge } from "./sponsor-clock";

/** Each sortable column's link (the sort lives in the URL) and its current direction. */
export type Sorts<K extends string> = Record<K, { href: string; active?: "asc" | "desc" }>;

/** A column header that sorts the list by `key`. */
export function sortableHeader<K extends string>(sorts: Sorts<K>, key: K, label: string) {
  return function SortHeader() {
    return <SortLink label={label} href={sorts[key].href} active={sorts[key].active} />;
  };
}

export function AeTermLink({ ae }: { ae: Pick<AeRow, "id" | "eventTerm"> }) {
  return (
    <Link href={`/adverse-events/${ae.id}`} className="font-medium text-brand-700 underline underline-offset-2">
      {ae.eventTerm}
    </Link>
  );
}

/** The subject, serious and aware-at columns; `now` is the server's time the clock starts from. */
export function aeRowColumns<R extends AeRow>(sorts: Sorts<"subject" | "awareAt">, now: string) {
  const subject: ColumnDef<R, unknown> = {
    id: "subject",
    header: sortableHeader(sorts, "subject", "Subject"),
    cell: ({ row: { original: r } }) => (
      <div>
        <Link href={`/subjects/${r.subjectId}`} className="font-mono text-slate-900 underline-offset-2 hover:underline">
          {r.subjectCode}
        </Link>
        {r.subjectName && <p className="text-xs text-slate-600">{r.subjectName}</p>}
        <p className="whitespace-nowrap text-xs text-slate-500">{r.protocolId}</p>
      </div>
    ),
  };
  const serious: ColumnDef<R, unknown> = {
    id: "serious",
    header: "Serious",
    cell: ({ row: { original: r } }) =>
      r.serious ? (
        <div className="space-y-1 whitespace-nowrap">
          <Badge tone="danger">Serious</Badge>
          <div>
            <ClockBadge ae={r} now={now} />
          </div>
        </div>
      ) : (
        <span className="text-slate-600">No</span>
      ),
  };
  const awareAt: ColumnDef<R, unknown> = {
    id: "awareAt",
    header: sortableHeader(sorts, "awareAt", "Aware at"),
    cell: ({ row: { original: r } }) => <span className="whitespace-nowrap text-slate-700">{formatInstant(r.awareAt, r.timeZone)}</span>,
  };
  return { subject, serious, awareAt };
}
