/**
 * Every CSV export is audited (who exported what, with which filter, how many rows) before the
 * first byte is sent, is limited per user, and is streamed from a database cursor (issue 12,
 * finding 11): a 100,000-row export holds one batch in memory, not the whole file.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getBookkeepingDb, getDb } from "@/db";
import { studies } from "@/db/schema";
import type { Actor } from "./actor";
import { csvStreamResponse, type CsvColumn } from "./csv";
import { NotFoundError, RateLimitedError } from "./errors";
import { openCursor, type RowCursor, type SelectQuery } from "./export/cursor";
import { authorize, scopeStudies } from "./policy";
import { hit, type Limit } from "./rate-limit";
import { isUuid } from "./validation/fields";
import { recordEvent } from "./write/road";
import { positiveIntEnv } from "./env-number";

export { EXPORT_ROW_LIMIT } from "./export/limits";
/** Rows fetched from the cursor per step: one step's CSV is what memory holds. */
export const EXPORT_BATCH_ROWS = 500;

/**
 * Exports per user per window (EXPORT_RATE_MAX, default 10 per 10 minutes): enough for a monitor's
 * day of filtered downloads, too few to page a whole site out file by file in a loop. Counted in
 * the database (lib/rate-limit), so every app instance shares it.
 */
export function exportLimit(): Limit {
  return { max: positiveIntEnv("EXPORT_RATE_MAX", 10), windowSeconds: 600 };
}

/** Drops empty filter values, so the audit row names only the filter that was applied. */
function cleanFilters(filters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ""));
}

/**
 * A filter naming a study the actor cannot see is 404, as opening that study would be: the list
 * would only come out empty, but an empty export is still an export, audited and counted, of a
 * study that is none of theirs (the list's own filter offers only visible studies; this is a URL
 * edited by hand).
 */
async function assertStudyVisible(actor: Actor, studyId: unknown): Promise<void> {
  if (studyId === undefined || studyId === "") return;
  const db = await getDb();
  const found = isUuid(studyId) && (await db.select({ id: studies.id }).from(studies).where(and(eq(studies.id, studyId), scopeStudies(actor))).limit(1)).length > 0;
  if (!found) throw new NotFoundError("Study not found.");
}

/** Takes one export from the actor's allowance, or throws 429 with the wait. */
export async function takeExportSlot(actor: Actor): Promise<void> {
  const limit = exportLimit();
  const { count, retryAfterSeconds } = await hit(await getBookkeepingDb(), `export:${actor.id}`, limit);
  if (count > limit.max) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    throw new RateLimitedError(`You have made ${limit.max} exports in the last 10 minutes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, retryAfterSeconds);
  }
}

/**
 * Exports streaming at once in this process (EXPORT_MAX_CONCURRENT, default 4). On PostgreSQL each
 * holds a pooled connection while its client downloads (DATABASE_POOL_SIZE, default 10): without a
 * cap, a few slow downloads by different users would leave no connection for anyone else.
 */
export function exportConcurrency(): number {
  return positiveIntEnv("EXPORT_MAX_CONCURRENT", 4);
}
const running = ((globalThis as Record<string, unknown>).__trialdeskExportsRunning ??= { count: 0 }) as { count: number };

/** A place among the running exports, or 429 (taken and checked in one synchronous step). */
function takeRunningPlace(): () => void {
  if (running.count >= exportConcurrency()) {
    throw new RateLimitedError("Other exports are running right now. Try again in a minute.", 30);
  }
  running.count++;
  let released = false;
  return () => {
    if (!released) running.count--;
    released = true;
  };
}

export type ExportSpec<Row, Out = Row> = {
  /** The audited entity name (`subject`, `audit_event`, …). */
  what: string;
  filters: Record<string, unknown>;
  /** The list's select, site-scoped and de-identified by its read model, capped at EXPORT_ROW_LIMIT; not awaited. */
  query: SelectQuery<Row>;
  /** Per batch, what the list does to its rows after the select (a computed flag, redaction). */
  present?: (rows: Row[]) => Out[];
  columns: readonly CsvColumn<Out>[];
  filename: string;
};

/**
 * The export as a streamed CSV response. Order: may this actor export at all (403 before anything
 * counts), is the filtered study theirs (404), a place among the running exports and one from the
 * allowance (429), the cursor opened and counted, the audit row written with the filter and that
 * count (through the write road; if it fails nothing is sent), then the rows.
 */
export async function streamExport<Row, Out = Row>(actor: Actor, spec: ExportSpec<Row, Out>): Promise<Response> {
  authorize(actor, "export");
  await assertStudyVisible(actor, spec.filters.studyId);
  const release = takeRunningPlace();
  let cursor: RowCursor<Row>;
  try {
    await takeExportSlot(actor);
    // The place is given back when the cursor closes: spent, failed, cancelled or left idle.
    cursor = await openCursor<Row>(spec.query, EXPORT_BATCH_ROWS, release);
  } catch (error) {
    release();
    throw error;
  }
  try {
    await recordEvent({
      actor,
      siteId: actor.siteId,
      entity: spec.what,
      action: "export",
      changes: { filters: [null, cleanFilters(spec.filters)], rows: [null, cursor.count] },
    });
  } catch (error) {
    await cursor.close();
    throw error;
  }
  const present = spec.present;
  const batches = present
    ? { next: async () => { const rows = await cursor.next(); return rows && present(rows); }, close: cursor.close }
    : (cursor as unknown as { next(): Promise<Out[] | null>; close(): Promise<void> });
  return csvStreamResponse(batches, spec.columns, spec.filename);
}
