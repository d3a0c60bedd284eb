/** One dashboard card: a title with its total, a link to the full filtered list, and a short list. */
import Link from "next/link";

export function DashboardCard({
  title,
  total,
  href,
  linkLabel,
  tone = "neutral",
  children,
}: {
  title: string;
  total?: number;
  href: string;
  linkLabel: string;
  /** Attention when something needs doing (overdue, clocks running); shown with the count's words too. */
  tone?: "neutral" | "attention";
  children: React.ReactNode;
}) {
  const headingId = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const border = tone === "attention" && total ? "border-amber-300" : "border-slate-200";
  return (
    <section aria-labelledby={headingId} className={`flex flex-col rounded-lg border bg-white ${border}`}>
      <header className="flex items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          {title}
          {total !== undefined && <span className="ml-2 tabular-nums text-slate-600">({total})</span>}
        </h2>
        <Link href={href} className="text-xs font-medium text-brand-800 underline-offset-2 hover:underline">
          {linkLabel}
        </Link>
      </header>
      <div className="flex-1 px-4 py-2 text-sm">{children}</div>
    </section>
  );
}

/** A card's list, or what an empty one means. */
export function CardList({ empty, more, children }: { empty: string; more?: number; children: React.ReactNode[] }) {
  if (children.length === 0) return <p className="py-3 text-slate-600">{empty}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100">{children}</ul>
      {more ? <p className="pt-2 text-xs text-slate-600">…and {more} more in the full list.</p> : null}
    </>
  );
}
