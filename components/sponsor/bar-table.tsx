/**
 * Charts as tables: every bar sits in a table row beside its label and its number, so a screen
 * reader reads the numbers and a sighted reader never has to decode a colour. The bars themselves
 * are decoration (aria-hidden). Plain CSS; no chart library needed for horizontal bars.
 */
export type Bar = {
  label: string;
  value: number;
  /** Extra text beside the number, e.g. "40% of screened". */
  note?: string;
  /** A second look for a second kind of bar (hatched), so kinds differ by more than colour. */
  hatched?: boolean;
};

const pct = (value: number, max: number) => (max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0);

export function BarFill({ value, max, hatched = false }: { value: number; max: number; hatched?: boolean }) {
  return (
    <div aria-hidden="true" className="h-3 w-full min-w-24 rounded-sm bg-slate-100">
      <div
        className={`h-3 rounded-sm ${hatched ? "bg-red-700" : "bg-brand-600"}`}
        style={{
          width: `${pct(value, max)}%`,
          backgroundImage: hatched ? "repeating-linear-gradient(45deg, transparent 0 3px, rgb(255 255 255 / 0.55) 3px 6px)" : undefined,
        }}
      />
    </div>
  );
}

/** A captioned table: label | number (and note) | bar. `max` defaults to the largest value. */
export function BarTable({ caption, rows, max, valueHeader = "Count" }: { caption: string; rows: Bar[]; max?: number; valueHeader?: string }) {
  const top = max ?? Math.max(0, ...rows.map((r) => r.value));
  return (
    <table className="w-full text-sm">
      <caption className="mb-2 text-left text-sm font-semibold text-slate-800">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">{valueHeader}</th>
          <th scope="col">Chart</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className="border-t border-slate-100">
            <th scope="row" className="w-44 py-1.5 pr-3 text-left font-normal text-slate-700">
              {r.label}
            </th>
            <td className="w-40 py-1.5 pr-3 text-right tabular-nums">
              <span className="font-semibold text-slate-900">{r.value}</span>
              {r.note && <span className="ml-1.5 text-xs text-slate-500">{r.note}</span>}
            </td>
            <td className="py-1.5">
              <BarFill value={r.value} max={top} hatched={r.hatched} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
