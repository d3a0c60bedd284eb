/**
 * The studies an actor may see, as choices for a filter or a form ("Study" selects). Scoped by the
 * policy: a coordinator's site, a sponsor's granted studies, everything for an admin.
 */
import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { studies } from "@/db/schema";
import type { Actor } from "../actor";
import { authorize, scopeStudies } from "../policy";

/** label = "PROTO-1 — Title"; protocolId alone for narrow filters. */
export type StudyOption = { value: string; label: string; protocolId: string };

export async function listStudyOptions(actor: Actor): Promise<StudyOption[]> {
  authorize(actor, "study.read");
  const db = await getDb();
  const rows = await db
    .select({ id: studies.id, protocolId: studies.protocolId, title: studies.title })
    .from(studies)
    .where(scopeStudies(actor))
    .orderBy(asc(studies.protocolId));
  return rows.map((s) => ({ value: s.id, label: `${s.protocolId} — ${s.title}`, protocolId: s.protocolId }));
}
