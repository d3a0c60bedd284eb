/**
 * Every CSV export is audited (who exported what, with which filter) before the file is sent.
 */
import type { Actor } from "./actor";
import { authorize } from "./policy";
import { recordEvent } from "./write/road";

export const EXPORT_ROW_LIMIT = 100_000;

export async function auditExport(actor: Actor, what: string, filters: Record<string, unknown>, rowCount: number): Promise<void> {
  authorize(actor, "export");
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ""));
  await recordEvent({
    actor,
    siteId: actor.siteId,
    entity: what,
    action: "export",
    changes: { filters: [null, clean], rows: [null, rowCount] },
  });
}
