import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, screenings, subjectNotes } from "@/db/schema";
import { countQueries, rawSql, testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import type { Actor } from "../../actor";
import { appendAudit } from "../writer";
import { readCheckpoint } from "../verify";
import { ForbiddenError } from "../../errors";
import { exportAuditLogList } from "./csv";
import { parseAuditLogParams, type AuditLogState } from "./params";
import { checkAuditChain, exportAuditLog, getAuditFilterOptions, listAuditLog } from "./queries";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let admin: Actor;
let screeningId: string;
let noteId: string;
const BULK = 7;

const state = (params: Record<string, string> = {}, pageSize = 50): AuditLogState => ({ ...parseAuditLogParams(params), pageSize });
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  f = await twoSites();
  admin = await f.actor(f.users.admin.id);
  const db = await testDb();
  const { coordA, invA, invB } = f.users;
  const [screening] = await db
    .insert(screenings)
    .values({ siteId: f.siteA.id, subjectId: f.subjectA.id, studyId: f.studyA.id, screeningStatus: "passed", screeningDate: "2026-01-05", completedById: coordA.id })
    .returning();
  screeningId = screening!.id;
  const [note] = await db
    .insert(subjectNotes)
    .values({ siteId: f.siteA.id, subjectId: f.subjectA.id, studyId: f.studyA.id, authorId: coordA.id, noteType: "call", noteText: "Called about the visit" })
    .returning();
  noteId = note!.id;

  await appendAudit(db, [
    { actor: coordA, siteId: f.siteA.id, entity: "session", entityId: coordA.id, action: "login" },
    // A wrong password: no actor, but the account tried is named.
    { actor: null, actorUsername: "coord_a", siteId: f.siteA.id, entity: "session", entityId: coordA.id, action: "login.failed" },
    { actor: invB, siteId: f.siteB.id, entity: "session", entityId: invB.id, action: "login" },
    {
      actor: coordA,
      siteId: f.siteA.id,
      entity: "subject",
      entityId: f.subjectA.id,
      action: "update",
      changes: { coordinatorId: [coordA.id, invA.id], fullName: ["Alice Anderss", "Alice Anders"] },
      reason: "Name misspelt",
    },
    { actor: coordA, siteId: f.siteA.id, entity: "screening", entityId: screeningId, action: "create", changes: { screeningStatus: [null, "passed"] } },
    { actor: coordA, siteId: f.siteA.id, entity: "subject_note", entityId: noteId, action: "create" },
    // Not a uuid: must neither break the page nor link anywhere odd.
    { actor: coordA, siteId: f.siteA.id, entity: "screening", entityId: "not-a-uuid", action: "forged" },
  ]);
  for (let i = 0; i < BULK; i++) {
    await appendAudit(db, { actor: invA, siteId: f.siteA.id, entity: "bulk_item", entityId: String(i), action: "bulk" });
  }
});

describe("listAuditLog", () => {
  it("filters by action, newest first, in a fixed number of queries", async () => {
    const { result, queries } = await countQueries(() => listAuditLog(admin, state({ action: "login" })));
    expect(queries).toBeLessThanOrEqual(2);
    expect(result.rows.map((r) => r.actorUsername)).toEqual(["inv_b", "coord_a"]);
    expect(result.rows[0]).toMatchObject({ entity: "session", siteName: "Site B", siteTimezone: "Europe/London", actorName: "inv_b Person" });
    expect(result.rows[0]!.seq).toBeGreaterThan(result.rows[1]!.seq);
    expect(result).toMatchObject({ olderThan: null, newerThan: null });
  });

  it("filters by user: their own events and failed sign-ins against their account", async () => {
    const page = await listAuditLog(admin, state({ actorId: f.users.coordA.id }));
    expect(page.rows.map((r) => r.action)).toEqual(["forged", "create", "create", "update", "login.failed", "login"]);
    expect(page.rows.find((r) => r.action === "login.failed")).toMatchObject({ actorId: null, actorName: "coord_a" });
  });

  it("filters by entity and record id", async () => {
    const subjectRows = await listAuditLog(admin, state({ entity: "subject" }));
    expect(subjectRows.rows).toHaveLength(1);
    const one = await listAuditLog(admin, state({ entity: "bulk_item", entityId: "3" }));
    expect(one.rows.map((r) => r.entityId)).toEqual(["3"]);
  });

  it("filters by UTC day", async () => {
    const day = today();
    expect((await listAuditLog(admin, state({ entity: "bulk_item", from: day, to: day }))).rows).toHaveLength(BULK);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await listAuditLog(admin, state({ entity: "bulk_item", from: tomorrow }))).rows).toEqual([]);
    expect((await listAuditLog(admin, state({ entity: "bulk_item", to: yesterday }))).rows).toEqual([]);
  });

  it("ignores invalid filter values instead of failing", async () => {
    const parsed = parseAuditLogParams({ actorId: "nope", entity: "DROP TABLE", from: "2026-02-31", before: "-4" });
    expect(parsed.filters).toEqual({});
    expect(parsed.cursor).toEqual({ before: undefined, after: undefined });
  });

  it("resolves the subject of screenings, notes and subjects; names the ids in changes", async () => {
    const page = await listAuditLog(admin, state({ actorId: f.users.coordA.id }));
    const byEntity = (entity: string, id: string) => page.rows.find((r) => r.entity === entity && r.entityId === id)!;
    expect(byEntity("screening", screeningId)).toMatchObject({ subjectId: f.subjectA.id, subjectCode: "A-01" });
    expect(byEntity("subject_note", noteId)).toMatchObject({ subjectId: f.subjectA.id, subjectCode: "A-01" });
    expect(byEntity("subject", f.subjectA.id)).toMatchObject({ subjectId: f.subjectA.id, reason: "Name misspelt" });
    expect(byEntity("screening", "not-a-uuid")).toMatchObject({ subjectId: null });
    expect(page.names[f.users.coordA.id]).toBe("coord_a Person");
    expect(page.names[f.users.invA.id]).toBe("inv_a Person");
  });

  it("pages by keyset: older, then newer, back to the newest page", async () => {
    const first = await listAuditLog(admin, state({ entity: "bulk_item" }, 3));
    expect(first.rows.map((r) => r.entityId)).toEqual(["6", "5", "4"]);
    expect(first.newerThan).toBeNull();
    expect(first.olderThan).toBe(first.rows[2]!.seq);

    const { result: second, queries } = await countQueries(() =>
      listAuditLog(admin, state({ entity: "bulk_item", before: String(first.olderThan) }, 3)),
    );
    expect(queries).toBeLessThanOrEqual(3);
    expect(second.rows.map((r) => r.entityId)).toEqual(["3", "2", "1"]);
    expect(second.newerThan).toBe(second.rows[0]!.seq);

    const last = await listAuditLog(admin, state({ entity: "bulk_item", before: String(second.olderThan) }, 3));
    expect(last.rows.map((r) => r.entityId)).toEqual(["0"]);
    expect(last.olderThan).toBeNull();

    const back = await listAuditLog(admin, state({ entity: "bulk_item", after: String(last.newerThan) }, 3));
    expect(back.rows.map((r) => r.entityId)).toEqual(["3", "2", "1"]);
    expect(back.newerThan).not.toBeNull();
    expect(back.olderThan).not.toBeNull();

    // "Newer" from a page just below the top fills a whole page rather than showing a stub.
    const top = await listAuditLog(admin, state({ entity: "bulk_item", after: String(first.rows[2]!.seq) }, 3));
    expect(top.rows.map((r) => r.entityId)).toEqual(["6", "5", "4"]);
    expect(top.newerThan).toBeNull();
    expect(top.olderThan).toBe(first.olderThan);
  });

  it("refuses everyone but admins", async () => {
    for (const u of [f.users.coordA, f.users.invA, f.users.sponsor]) {
      const actor = await f.actor(u.id);
      await expect(listAuditLog(actor, state())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getAuditFilterOptions(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(checkAuditChain(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportAuditLog(actor, {}, 10)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("getAuditFilterOptions", () => {
  it("lists every account and the entity and action names in the trail, in three queries", async () => {
    const { result, queries } = await countQueries(() => getAuditFilterOptions(admin));
    expect(queries).toBe(3);
    expect(result.users.map((u) => u.label)).toContain("coord_a Person (coord_a)");
    expect(result.entities).toEqual(expect.arrayContaining(["bulk_item", "screening", "session", "subject", "subject_note"]));
    expect(result.actions).toEqual(expect.arrayContaining(["bulk", "create", "forged", "login", "login.failed", "update"]));
    expect([...result.actions].sort()).toEqual(result.actions);
  });
});

describe("checkAuditChain", () => {
  it("verifies the whole trail once, then only what was written since the stored checkpoint", async () => {
    const db = await testDb();
    const [{ n }] = (await db.select({ n: count() }).from(auditEvents)) as [{ n: number }];
    expect(Number(n)).toBeGreaterThan(0);
    const first = await checkAuditChain(admin);
    expect(first).toMatchObject({ ok: true, checked: Number(n) });
    expect(await readCheckpoint(db)).toEqual(first.ok ? first.head : null);

    await appendAudit(db, { actor: null, entity: "e", action: "later" });
    const second = await checkAuditChain(admin);
    expect(second).toMatchObject({ ok: true, checked: 1, from: Number(n) });
    expect((await readCheckpoint(db))?.seq).toBe(Number(n) + 1);
    expect(await checkAuditChain(admin)).toMatchObject({ ok: true, checked: 0 });
  });

  it("fails when the verified head was removed after it was checked", async () => {
    const db = await testDb();
    await checkAuditChain(admin);
    const head = (await readCheckpoint(db))!;
    // The newest event and its seal. (A seal removed alone is sealed again as it was: same place,
    // same hashes — nothing was lost.)
    await rawSql("alter table audit_seals disable trigger audit_seals_no_update_delete");
    await rawSql("alter table audit_events disable trigger audit_events_no_update_delete");
    await rawSql(`with gone as (delete from audit_seals where chain_seq = ${head.seq} returning event_id) delete from audit_events where id in (select event_id from gone)`);
    await rawSql("alter table audit_events enable trigger audit_events_no_update_delete");
    await rawSql("alter table audit_seals enable trigger audit_seals_no_update_delete");
    const result = await checkAuditChain(admin);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenAt).toMatchObject({ seq: head.seq, problem: expect.stringMatching(/gone/) });
  });
});

describe("exportAuditLogList", () => {
  it("exports the filtered log and audits the export", async () => {
    const db = await testDb();
    const exports = () => db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.entity, "audit_event"), eq(auditEvents.action, "export")));
    const [{ n: before }] = (await exports()) as [{ n: number }];
    const response = await exportAuditLogList(admin, { actorId: f.users.coordA.id, action: "update", before: "1" });
    const csv = (await response.text()).replace(/^\uFEFF/, "");
    const filename = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Seq,At (UTC),User,Username,Site,Entity,Entity ID,Subject ID,Action,Changes,Reason,Client address,Hash");
    // The cursor is a page position, not a filter: the export has every matching row.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Name misspelt");
    expect(lines[1]).toContain(`coordinatorId: ""${f.users.coordA.id}"" → ""${f.users.invA.id}""`);
    expect(filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);

    const [{ n: after }] = (await exports()) as [{ n: number }];
    expect(Number(after)).toBe(Number(before) + 1);
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.entity, "audit_event")).orderBy(auditEvents.seq);
    expect(row).toMatchObject({ actorId: f.users.admin.id, action: "export", changes: { filters: [null, { actorId: f.users.coordA.id, action: "update" }], rows: [null, 1] } });
  });

  it("refuses a non-admin and writes nothing", async () => {
    const db = await testDb();
    const total = async () => Number(((await db.select({ n: count() }).from(auditEvents)) as [{ n: number }])[0].n);
    const before = await total();
    await expect(exportAuditLogList(await f.actor(f.users.coordA.id), {})).rejects.toBeInstanceOf(ForbiddenError);
    expect(await total()).toBe(before);
  });
});
