import Link from "next/link";

/** A sortable column header: a link (so the sort is in the URL) that says which way it sorts. */
export function SortLink({ label, href, active }: { label: string; href: string; active?: "asc" | "desc" }) {
  return (
    <Link
      href={href}
      scroll={false}
      className="inline-flex items-center gap-1 hover:text-slate-900"
      aria-label={`${label}${active ? `, sorted ${active === "asc" ? "ascending" : "descending"}` : ""}; sort`}
    >
      {label}
      <span aria-hidden="true" className="text-slate-400">
        {active === "asc" ? "▲" : active === "desc" ? "▼" : "↕"}
      </span>
    </Link>
  );
}
