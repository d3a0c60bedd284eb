import { humanize } from "./badge";

/**
 * Shown when a save was refused because someone else saved first (409): their newer values, so
 * the person can compare before trying again. Nothing of either version was lost.
 */
export function ConflictNotice({
  current,
  fields,
}: {
  current?: Record<string, unknown>;
  /** Which fields to show, with their labels, in order. */
  fields: readonly { name: string; label: string }[];
}) {
  if (!current) return null;
  return (
    <section aria-label="Newer values saved by someone else" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">Someone else saved this record first. Their values:</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {fields.map((f) => (
          <div key={f.name} className="contents">
            <dt className="text-amber-900">{f.label}</dt>
            <dd>{format(current[f.name])}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2">Reload the page to start from their version, or save again to replace it.</p>
    </section>
  );
}

function format(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map((v) => humanize(String(v))).join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" && /^[a-z_]+$/.test(value)) return humanize(value);
  return String(value);
}
