/**
 * Paging through the API is an export by other means: a client that pulls page after page of
 * identified records (REST lists, GraphQL lists) is audited like one (issue 12, finding 11).
 *
 * Each list page adds its row count to the user's hourly window (rate_limits, shared by every app
 * instance). Crossing EXPORT_AUDIT_ROWS_PER_HOUR (default 1000) writes one audit row, action
 * `export`, through the write road; every further multiple of it writes one more — one row per N
 * records, never one per page. Only records that identify someone count: a reader who gets them
 * de-identified (a sponsor) or a resource with no identifying column (studies, sites) does not.
 */
import "server-only";
import { getBookkeepingDb } from "@/db";
import type { Actor } from "../actor";
import { canSeeIdentifiers } from "../policy";
import { hit } from "../rate-limit";
import { recordEvent } from "../write/road";
import { positiveIntEnv } from "../env-number";

export function pagingAuditEvery(): number {
  return positiveIntEnv("EXPORT_AUDIT_ROWS_PER_HOUR", 1000);
}

/** A reader's model, as far as this needs it: the audited entity and which columns identify a person. */
type Model = { read: string; audit?: string; identifying?: Readonly<Record<string, unknown>> };

/** Counts `rows` records of `model` handed to `actor` by an API list page; audits each N crossed. */
export async function countPagedRecords(actor: Actor, model: Model, rows: number): Promise<void> {
  if (rows <= 0 || !canSeeIdentifiers(actor)) return;
  if (!model.identifying || Object.keys(model.identifying).length === 0) return;
  const every = pagingAuditEvery();
  const { count } = await hit(await getBookkeepingDb(), `api-records:${actor.id}`, { max: every, windowSeconds: 3600 }, rows);
  const crossed = Math.floor(count / every) - Math.floor((count - rows) / every);
  for (let i = crossed - 1; i >= 0; i--) {
    await recordEvent({
      actor,
      siteId: actor.siteId,
      entity: model.audit ?? model.read.split(".")[0]!,
      action: "export",
      changes: { via: [null, "api paging"], records: [null, (Math.floor(count / every) - i) * every], perHour: [null, every] },
    });
  }
}
