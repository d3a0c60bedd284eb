import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, subjectNotes, type SubjectNote } from "@/db/schema";
import { testDb, withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { counts } from "@/tests/fixtures-subjects";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { createNote } from "./create";
import { updateNote } from "./update";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let note: SubjectNote;
beforeAll(async () => {
  f = await twoSites();
  note = await createNote(await f.actor(f.users.coordA.id), { subjectId: f.subjectA.id, noteType: "call", noteText: "Left a voicemail." });
});

describe("updateNote", () => {
  it("lets the author edit with a reason; the audit keeps the earlier text", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const after = await updateNote(coord, { id: note.id, version: 1, noteType: "call", noteText: "Spoke to the subject.", reason: "Wrong call outcome" });
    expect(after).toMatchObject({ noteText: "Spoke to the subject.", version: 2 });
    const db = await testDb();
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.entityId, note.id));
    const update = rows.find((r) => r.action === "update")!;
    expect(update).toMatchObject({ reason: "Wrong call outcome", actorId: coord.id });
    expect(update.changes).toEqual({ noteText: ["Left a voicemail.", "Spoke to the subject."] });
  });

  it("refuses anyone but the author: same-site colleague, sponsor and admin are forbidden, another site is not found", async () => {
    const before = await counts();
    const input = { id: note.id, version: 2, noteType: "general", noteText: "Rewritten", reason: "Mine now" };
    await expect(updateNote(await f.actor(f.users.invA.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateNote(await f.actor(f.users.sponsor.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateNote(await f.actor(f.users.admin.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateNote(await f.actor(f.users.coordB.id), input)).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
  });

  it("refuses a stale version (showing the newer note), a missing reason, no change — writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await counts();
    const stale = await updateNote(coord, { id: note.id, version: 1, noteType: "call", noteText: "Old tab", reason: "x" }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ noteText: "Spoke to the subject.", version: 2 });
    const noReason = await updateNote(coord, { id: note.id, version: 2, noteType: "call", noteText: "New", reason: "" }).catch((e) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect(Object.keys(noReason.fieldErrors)).toEqual(["reason"]);
    await expect(
      updateNote(coord, { id: note.id, version: 2, noteType: "call", noteText: "Spoke to the subject.", reason: "same" }),
    ).rejects.toThrow(/Nothing changed/);
    expect(await counts()).toEqual(before);
    const db = await testDb();
    expect((await db.select().from(subjectNotes).where(eq(subjectNotes.id, note.id)))[0]!.version).toBe(2);
  });
});
