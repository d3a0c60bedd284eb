/** CSV of the current filter (all pages); the export itself is audited on the server. */
export function ExportLink({ href }: { href: string }) {
  return (
    <a href={href} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100" download>
      Export CSV
    </a>
  );
}
