/**
 * Reading a rule's causes: the record with its subject's code, its site's name and zone and the
 * people it names — one query for all rows of a kind, inside the transaction that fires them.
 */
import { eq, inArray, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { adverseEvents, screenings, sites, studies, subjects, tasks, visits } from "@/db/schema";
import type { Cause } from "./types";

const ids = (rows: Record<string, unknown>[], key = "id") => rows.map((r) => String(r[key]));

type PlacedTable = { id: AnyPgColumn; siteId: AnyPgColumn; studyId: AnyPgColumn; subjectId: AnyPgColumn };

/** The columns every cause of a site's record reads: the record's place, its subject's code, its site's name and zone. */
const placed = (table: PlacedTable) => ({
  id: table.id,
  siteId: table.siteId,
  studyId: table.studyId,
  subjectId: table.subjectId,
  siteName: sites.name,
  timeZone: sites.timezone,
  subjectCode: subjects.subjectId,
});

type Placed = { id: string; siteId: string; studyId: string | null; subjectId: string | null; siteName: string; timeZone: string; subjectCode: string | null };

/** A cause from a placed row: what it is, where it opens, whom it names, and any instants the rule needs. */
function causeOf(r: Placed, entity: Cause["entity"], link: string, more: Pick<Cause, "people"> & Partial<Cause>): Cause {
  return {
    entity,
    entityId: r.id,
    link,
    siteId: r.siteId,
    siteName: r.siteName,
    timeZone: r.timeZone,
    studyId: r.studyId,
    subjectId: r.subjectId,
    subjectCode: r.subjectCode,
    ...more,
  };
}

/** A site record's rows with its place (subject, site, study joined) and the `extra` columns a rule needs. */
function placedRows<X extends Record<string, AnyPgColumn>>(tx: Tx, table: typeof adverseEvents | typeof visits | typeof screenings, extra: X, where: SQL) {
  return tx
    .select({ ...placed(table), ...extra })
    .from(table)
    .innerJoin(subjects, eq(subjects.id, table.subjectId))
    .innerJoin(sites, eq(sites.id, table.siteId))
    .innerJoin(studies, eq(studies.id, table.studyId))
    .where(where);
}

export async function aeCauses(tx: Tx, where: SQL): Promise<Cause[]> {
  const rows = await placedRows(tx, adverseEvents, { awareAt: adverseEvents.awareAt, pi: studies.principalInvestigatorId }, where);
  return rows.map((r) => causeOf(r, "adverse_event", `/adverse-events/${r.id}`, { people: { pi: r.pi }, awareAt: r.awareAt }));
}

export async function visitCauses(tx: Tx, where: SQL): Promise<Cause[]> {
  const rows = await placedRows(tx, visits, { coordinator: visits.coordinatorId, scheduledAt: visits.scheduledAt, windowEnd: visits.windowEnd }, where);
  return rows.map((r) =>
    causeOf(r, "visit", `/visits/${r.id}`, { people: { coordinator: r.coordinator }, scheduledAt: r.scheduledAt, windowEnd: r.windowEnd }),
  );
}

export async function screeningCauses(tx: Tx, where: SQL): Promise<Cause[]> {
  const rows = await placedRows(tx, screenings, { since: screenings.updatedAt, pi: studies.principalInvestigatorId }, where);
  return rows.map((r) => causeOf(r, "screening", `/subjects/${r.subjectId}`, { people: { pi: r.pi }, since: r.since }));
}

/** A voided signature's cause is the record it signed, naming the signer. */
export async function voidedSignatureCauses(tx: Tx, rows: Record<string, unknown>[]): Promise<Cause[]> {
  const signerOf = new Map(rows.map((r) => [String(r.entityId), { id: String(r.id), signerId: r.signerId as string }]));
  const of = (entity: string) => rows.filter((r) => r.entity === entity);
  const aes = of("adverse_event");
  const screens = of("screening");
  const [aeRows, screeningRows] = await Promise.all([
    aes.length ? aeCauses(tx, inArray(adverseEvents.id, ids(aes, "entityId"))) : [],
    screens.length ? screeningCauses(tx, inArray(screenings.id, ids(screens, "entityId"))) : [],
  ]);
  return [...aeRows, ...screeningRows.map((c) => ({ ...c, link: "/safety/eligibility" }))].map((c) => ({
    ...c,
    people: { ...c.people, signer: signerOf.get(c.entityId)?.signerId ?? null },
    causeId: signerOf.get(c.entityId)?.id,
  }));
}

/** A sign-up: nothing clinical, just the account. */
export function signUpCauses(rows: Record<string, unknown>[]): Cause[] {
  return rows.map((r) => ({
    entity: "user",
    entityId: String(r.id),
    link: "/admin/users?status=pending",
    siteId: null,
    siteName: null,
    timeZone: "UTC",
    studyId: null,
    subjectId: null,
    subjectCode: null,
    people: {},
    label: String(r.username),
  }));
}

/** A task: its site, its subject's code (its title is typed text, never sent on); keyed by its assignment. */
export async function taskCauses(tx: Tx, rows: Record<string, unknown>[]): Promise<Cause[]> {
  const found = await tx
    .select({ ...placed(tasks), assignee: tasks.assigneeId, dueAt: tasks.dueAt })
    .from(tasks)
    .innerJoin(sites, eq(sites.id, tasks.siteId))
    .leftJoin(subjects, eq(subjects.id, tasks.subjectId))
    .where(inArray(tasks.id, ids(rows)));
  return found.map((r) =>
    causeOf(r, "task", r.subjectId ? `/subjects/${r.subjectId}` : "/tasks", {
      people: { assignee: r.assignee },
      scheduledAt: r.dueAt,
      causeId: `${r.id}:${r.assignee}`,
    }),
  );
}
