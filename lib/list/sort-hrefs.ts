import { listHref, nextSort, type SearchParams, type SortDir } from "./params";

/**
 * Pre-computed header links for a client-rendered table (functions cannot cross from server to
 * client components): for each sortable key, the URL that sorts by it and its current direction.
 */
export function sortHrefs<K extends string>(
  pathname: string,
  params: SearchParams,
  current: { key: K; dir: SortDir },
  keys: readonly K[],
  firstDir: Partial<Record<K, SortDir>> = {},
): Record<K, { href: string; active?: SortDir }> {
  const out = {} as Record<K, { href: string; active?: SortDir }>;
  for (const key of keys) {
    out[key] = {
      href: listHref(pathname, params, { sort: nextSort(current, key, firstDir[key] ?? "asc") }),
      active: current.key === key ? current.dir : undefined,
    };
  }
  return out;
}
