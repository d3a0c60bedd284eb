/**
 * How a list marks a record retired as entered in error (it appears only with "Show retired"): the
 * word "Retired" and, for readers who may see it, why — in the row itself, never by colour or
 * hover alone. A retired record has no page of its own any more, so it is not a link.
 */
import Link from "next/link";
import { Badge } from "@/components/ui/badge";

export function RetiredMark({ reason }: { reason: string | null }) {
  return (
    <span className="mt-0.5 flex flex-col items-start gap-0.5">
      <Badge tone="neutral">Retired</Badge>
      {reason && (
        <span className="line-clamp-2 max-w-56 text-xs text-slate-600" title={reason}>
          <span className="sr-only">Reason: </span>
          {reason}
        </span>
      )}
    </span>
  );
}

/** A retired row of a table: muted, so the records in use stand out. */
export const retiredRow = (record: { retiredAt: Date | string | null }) => (record.retiredAt ? "bg-slate-50 text-slate-600" : undefined);

/** A link to a record's own page, or just its text when it was retired (it has none any more). */
export function RecordLink({ href, retired, className, children }: { href: string; retired: boolean; className: string; children: React.ReactNode }) {
  if (retired) return <span>{children}</span>;
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}
