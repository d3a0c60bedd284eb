/**
 * CSV columns that show an entity's field take their rule from its read model: a withheld field's
 * column is left out for someone who may not see identifiers (the query already gave them NULL;
 * an empty column would only say it exists), and a field cut to the year gets the year's header.
 */
import type { Actor } from "../actor";
import { column, type CsvColumn } from "../csv";
import { canSeeIdentifiers } from "../policy";

type Model = { identifying: Readonly<Record<string, "withhold" | "year" | undefined>> };

/** A column of `model`'s `field`; `yearHeader` heads it when the reader gets the year only. */
export type FieldColumn<R> = CsvColumn<R> & { shows?: readonly [model: Model, field: string]; yearHeader?: string };

/** A column showing the row's `key` as it is, which is `model`'s `field` (the same name unless given). */
export function fieldColumn<R>(header: string, key: keyof R & string, [model, field = key]: readonly [Model, string?], yearHeader?: string): FieldColumn<R> {
  return { ...column<R>(header, key), shows: [model, field], ...(yearHeader ? { yearHeader } : {}) };
}

export function csvColumns<R>(actor: Actor, columns: readonly FieldColumn<R>[]): CsvColumn<R>[] {
  const identified = canSeeIdentifiers(actor);
  return columns.flatMap(({ shows, yearHeader, ...column }) => {
    const how = shows && !identified ? shows[0].identifying[shows[1]] : undefined;
    if (how === "withhold") return [];
    return [how === "year" && yearHeader ? { ...column, header: yearHeader } : column];
  });
}

type RetiredRow = { retiredAt: Date | null; retireReason: string | null };

/**
 * An export of a list with "Show retired" on (`retired=include`) says which rows were retired, when
 * and why — the reason left out for readers who may not see free text. Otherwise the columns as given.
 */
export function withRetiredColumns<R extends RetiredRow>(
  actor: Actor,
  columns: CsvColumn<R>[],
  retired: string | undefined,
  model: Model,
  headers: readonly [retiredAt: string, retireReason: string] = ["retiredAt", "retireReason"],
): CsvColumn<R>[] {
  if (retired !== "include") return columns;
  return [
    ...columns,
    ...csvColumns<R>(actor, [
      { header: headers[0], value: (r) => r.retiredAt },
      fieldColumn(headers[1], "retireReason", [model]),
    ]),
  ];
}
