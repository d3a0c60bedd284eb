import { PageHeader } from "./page-header";

/** A page a later release fills: says so plainly instead of pretending. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="text-sm font-semibold text-slate-800">Coming soon</p>
        <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{what}</p>
      </section>
    </>
  );
}
