"use client";

/**
 * The one table for every list: TanStack Table v8 (the stable API; v9 is a rewrite we have not
 * adopted yet) in manual mode — sorting, filtering and pagination happen on the server, this only
 * renders the page of rows it is given.
 */
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";

export function DataTable<T>({
  columns,
  data,
  caption,
  empty,
  getRowId,
  rowClassName,
}: {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  caption: string;
  empty: React.ReactNode;
  getRowId?: (row: T) => string;
  /** Extra classes for one row (e.g. a retired record's muted text). */
  rowClassName?: (row: T) => string | undefined;
}) {
  // TanStack v8 returns fresh functions each render; we do not use the React Compiler, so the
  // memoisation warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    getRowId,
  });
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-10 text-center text-sm text-slate-600">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={`align-top hover:bg-slate-50 ${rowClassName?.(row.original) ?? ""}`}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    {renderCell(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A cell renderer is called as a plain function, not mounted as a component (flexRender's way):
 * columns are rebuilt on every render, and a new function would be a new component type, so every
 * refresh (a saved action, a live update) would remount each cell — closing a dialog someone has
 * open in a row. Called directly, its elements are reconciled in place. Cell renderers therefore
 * must not call hooks themselves; they render components that do.
 */
function renderCell<C>(renderer: ColumnDef<never, unknown>["cell"] | ((ctx: C) => React.ReactNode), ctx: C): React.ReactNode {
  return typeof renderer === "function" ? (renderer as (ctx: C) => React.ReactNode)(ctx) : flexRender(renderer as never, ctx as never);
}
