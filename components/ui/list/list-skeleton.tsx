/** The loading state of a list page (rendered by each route's loading.tsx). */
export function ListSkeleton({ title }: { title: string }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="mb-5 border-b border-slate-200 pb-4 text-xl font-semibold text-slate-900">{title}</p>
      <p className="sr-only">Loading…</p>
      <div className="space-y-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-8 animate-pulse rounded bg-slate-200/70" />
        ))}
      </div>
    </div>
  );
}
