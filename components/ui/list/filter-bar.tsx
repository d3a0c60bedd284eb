/**
 * The filter bar above every list: a GET form, so the filters land in the URL (shareable, back
 * and forward work) and it works without JavaScript; next/form makes it a client navigation.
 */
import Form from "next/form";
import Link from "next/link";

export type FilterField =
  | {
      kind: "select";
      name: string;
      label: string;
      options: readonly { value: string; label: string }[];
      value?: string;
      /** What no choice means, when it is not "All" (task status: open ones). */
      blankLabel?: string;
    }
  | { kind: "search"; name: string; label: string; placeholder?: string; value?: string }
  | { kind: "date"; name: string; label: string; value?: string }
  | { kind: "checkbox"; name: string; label: string; value: string; checked: boolean };

/** "Show retired": records retired as entered in error join the list, marked (`retired=include`). */
export const showRetiredField = (retired: string | undefined): FilterField => ({
  kind: "checkbox",
  name: "retired",
  label: "Show retired",
  value: "include",
  checked: retired === "include",
});

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function FilterBar({
  action,
  fields,
  keep = {},
  clearHref,
}: {
  action: string;
  fields: FilterField[];
  /** Parameters to carry along unchanged (the sort order, the calendar view…). */
  keep?: Record<string, string | undefined>;
  clearHref?: string;
}) {
  return (
    <Form action={action} className="mb-3 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3" role="search" aria-label="Filters">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {fields.map((f) => (
        <FilterControl key={f.name} field={f} />
      ))}
      <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
        Apply
      </button>
      {clearHref && (
        <Link href={clearHref} className="px-2 py-1.5 text-sm text-slate-700 underline underline-offset-2">
          Clear
        </Link>
      )}
    </Form>
  );
}

function FilterControl({ field: f }: { field: FilterField }) {
  if (f.kind === "checkbox") {
    return (
      <label className="flex items-center gap-1.5 py-1.5 text-sm text-slate-700">
        <input type="checkbox" name={f.name} value={f.value} defaultChecked={f.checked} className="h-4 w-4 rounded border-slate-300 accent-brand-700" />
        {f.label}
      </label>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`filter-${f.name}`} className="text-xs font-medium text-slate-600">
        {f.label}
      </label>
      {f.kind === "select" ? (
        <select id={`filter-${f.name}`} name={f.name} defaultValue={f.value ?? ""} className={`${control} max-w-72`}>
          <option value="">{f.blankLabel ?? "All"}</option>
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={`filter-${f.name}`}
          name={f.name}
          type={f.kind === "date" ? "date" : "search"}
          defaultValue={f.value ?? ""}
          placeholder={f.kind === "search" ? f.placeholder : undefined}
          className={`${control} ${f.kind === "search" ? "w-56" : ""}`}
        />
      )}
    </div>
  );
}
