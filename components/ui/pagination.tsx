import Link from "next/link";

/** Server-side pages; the page number lives in the URL so a view can be shared and navigated. */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        {total} {total === 1 ? "record" : "records"} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded-md border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100" href={hrefFor(page - 1)}>
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="rounded-md border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100" href={hrefFor(page + 1)}>
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
