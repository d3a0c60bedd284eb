/**
 * CSV for exports (RFC 4180). Cells that a spreadsheet would run as a formula are defused with a
 * leading apostrophe (CSV injection), because exports are opened in Excel by monitors.
 */
import { logError } from "./log";

export type CsvColumn<T> = { header: string; value: (row: T) => unknown };

/** A column that shows one field of the row as it is. */
export function column<T>(header: string, key: keyof T): CsvColumn<T> {
  return { header, value: (row) => row[key] };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join("; ") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // A semicolon is quoted too: where a spreadsheet's separator is `;` (comma-decimal locales), an
  // unquoted `a;=cmd|…` would split into a cell that starts a formula.
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line (with its line break). */
export function csvHeader<T>(columns: readonly CsvColumn<T>[]): string {
  return `${columns.map((c) => cell(c.header)).join(",")}\r\n`;
}

/** The lines of `rows` (each with its line break): one batch of a streamed export. */
export function csvLines<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  let text = "";
  for (const row of rows) text += `${columns.map((c) => cell(c.value(row))).join(",")}\r\n`;
  return text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return csvHeader(columns) + csvLines(rows, columns);
}

function csvHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "Cache-Control": "no-store",
  };
}

export function csvResponse(csv: string, filename: string): Response {
  return new Response(`\uFEFF${csv}`, { headers: csvHeaders(filename) });
}

/**
 * A CSV file written as `batches` arrive (an export paging through a cursor): the byte-order mark
 * and header first, then each batch's lines, pulled only as fast as the client reads, so memory
 * holds one batch whatever the row count. `close` runs when the batches end, fail or the client
 * goes away.
 */
export function csvStreamResponse<T>(
  batches: { next(): Promise<readonly T[] | null>; close(): Promise<void> },
  columns: readonly CsvColumn<T>[],
  filename: string,
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${csvHeader(columns)}`));
      },
      async pull(controller) {
        try {
          const rows = await batches.next();
          if (rows === null) controller.close();
          else controller.enqueue(encoder.encode(csvLines(rows, columns)));
        } catch (error) {
          // Headers are gone already: the client sees a cut download, never a partial file as
          // complete. Logged as a summary (lib/log): the driver's message would carry the query's
          // parameters — a search for a name — into the log, and what Next logs is this plain error.
          await batches.close();
          logError("CSV export interrupted", error);
          controller.error(new Error("The export was interrupted."));
        }
      },
      async cancel() {
        await batches.close();
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, { headers: csvHeaders(filename) });
}
