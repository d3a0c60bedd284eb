import Link from "next/link";

const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100";

/**
 * Newer / older pages of an append-only log. No page numbers or total: the log is paged by
 * position (keyset), which stays fast and stable however long the log grows.
 */
export function KeysetPager({
  shown,
  newestHref,
  newerHref,
  olderHref,
}: {
  shown: number;
  newestHref: string | null;
  newerHref: string | null;
  olderHref: string | null;
}) {
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        {shown} {shown === 1 ? "event" : "events"} on this page · newest first
      </p>
      <div className="flex gap-2">
        {newestHref && (
          <Link className={button} href={newestHref}>
            Newest
          </Link>
        )}
        {newerHref && (
          <Link className={button} href={newerHref} rel="prev">
            Newer
          </Link>
        )}
        {olderHref && (
          <Link className={button} href={olderHref} rel="next">
            Older
          </Link>
        )}
      </div>
    </nav>
  );
}
