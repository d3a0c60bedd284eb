/**
 * The admin's view of the outbox (/admin/outbox): what was sent, what waits and why, what died.
 * Bodies are never selected — a page about delivery needs the envelope, not the message.
 */
import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { emailOutbox } from "@/db/schema";
import { OUTBOX_STATUSES, type OutboxStatus } from "@/domain/vocabulary";
import type { Actor } from "../actor";
import { authorize } from "../policy";

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxFilter = "all" | OutboxStatus;

export type OutboxRow = {
  id: string;
  toAddress: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

/** A status from a URL; anything else is "all". */
export function outboxFilter(value: unknown): OutboxFilter {
  return (OUTBOX_STATUSES as readonly unknown[]).includes(value) ? (value as OutboxStatus) : "all";
}

/** Newest first, one page, filtered by status. */
export async function listOutbox(actor: Actor, opts: { page?: number; status?: OutboxFilter } = {}) {
  authorize(actor, "outbox.manage");
  const db = await getDb();
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const status = opts.status ?? "all";
  const rows = await db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      lastError: emailOutbox.lastError,
      sentAt: emailOutbox.sentAt,
      createdAt: emailOutbox.createdAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(emailOutbox)
    .where(status === "all" ? undefined : eq(emailOutbox.status, status))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map(({ total: _t, ...r }) => (void _t, r)) as OutboxRow[],
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
  };
}

/** How many rows are in each status (every status present, zero when none). */
export async function outboxCounts(actor: Actor): Promise<Record<OutboxStatus, number>> {
  authorize(actor, "outbox.manage");
  const db = await getDb();
  const rows = await db
    .select({ status: emailOutbox.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(emailOutbox)
    .groupBy(emailOutbox.status);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}
