/**
 * List state lives in the URL (shareable; back and forward work): page, sort and filters are
 * parsed here from searchParams with zod, so a hand-edited or stale URL degrades to defaults
 * instead of failing. Every list page and its CSV export parse the same way.
 */
import { z } from "zod";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export type SearchParams = Record<string, string | string[] | undefined>;
export type SortDir = "asc" | "desc";
export type ListState<F, K extends string> = {
  page: number;
  pageSize: number;
  sort: { key: K; dir: SortDir };
  filters: F;
};

/** The first value of a query parameter. */
export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** An optional filter value: empty strings mean "no filter"; an invalid value is dropped. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" || v === undefined ? undefined : v), schema.optional()).catch(undefined);
}

/**
 * "Show retired" (`retired=include`): records retired as entered in error join the list, marked as
 * such; without it (the default) a list and its total leave them out. Each list passes it to
 * `visibleTo` (lib/read-model/visible.ts).
 */
export const showRetired = optional(z.enum(["include"]));

export function parseList<F extends z.ZodRawShape, K extends string>(
  params: SearchParams,
  spec: { filters: F; sortable: readonly K[]; defaultSort: { key: K; dir: SortDir }; pageSize?: number },
): ListState<z.output<z.ZodObject<F>>, K> {
  const flat: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) flat[key] = first(value);

  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(flat.pageSize) || spec.pageSize || DEFAULT_PAGE_SIZE));
  const page = Math.max(1, Math.floor(Number(flat.page)) || 1);

  // "sort=-screeningDate" = descending, "sort=subjectId" = ascending.
  const raw = flat.sort ?? "";
  const dir: SortDir = raw.startsWith("-") ? "desc" : "asc";
  const key = raw.replace(/^-/, "") as K;
  const sort = spec.sortable.includes(key) ? { key, dir } : spec.defaultSort;

  const filters = z.object(spec.filters).parse(flat) as z.output<z.ZodObject<F>>;
  return { page, pageSize, sort, filters };
}

/** The URL of the same list with some parameters changed (undefined/"" removes one). Resets the page unless given. */
export function listHref(
  pathname: string,
  current: SearchParams,
  changes: Record<string, string | number | undefined | null>,
): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    const v = first(value);
    if (v !== undefined && v !== "" && key !== "page") q.set(key, v);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === "") q.delete(key);
    else q.set(key, String(value));
  }
  if (q.get("page") === "1") q.delete("page");
  const qs = q.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** The sort parameter that a click on `key`'s header sets: toggles direction on the active key. */
export function nextSort(current: { key: string; dir: SortDir }, key: string, firstDir: SortDir = "asc"): string {
  const dir = current.key === key ? (current.dir === "asc" ? "desc" : "asc") : firstDir;
  return dir === "desc" ? `-${key}` : key;
}

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function pageOf<T>(rows: T[], total: number, page: number, pageSize: number): Page<T> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
