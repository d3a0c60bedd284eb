import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { counts } from "@/tests/fixtures-subjects";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { createNote } from "./create";

const f = withTwoSites();

describe("createNote", () => {
  it("adds a note by the actor to their site's subject, audited", async () => {
    const inv = await f.actor(f.users.invA.id);
    const note = await createNote(inv, { subjectId: f.subjectA.id, noteType: "call", noteText: "  Reminded about fasting.  " });
    expect(note).toMatchObject({ authorId: inv.id, noteType: "call", noteText: "Reminded about fasting.", siteId: f.siteA.id, studyId: f.studyA.id });
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, note.id));
    expect(audit).toMatchObject({ entity: "subject_note", action: "create", actorId: inv.id });
  });

  it("refuses bad input, another site's subject, sponsors and admins — writing nothing", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const before = await counts();
    const bad = await createNote(coord, { subjectId: f.subjectA.id, noteType: "gossip", noteText: "   " }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["noteText", "noteType"]);
    await expect(createNote(coord, { subjectId: f.subjectB.id, noteType: "call", noteText: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createNote(await f.actor(f.users.sponsor.id), { subjectId: f.subjectA.id, noteType: "call", noteText: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createNote(await f.actor(f.users.admin.id), { subjectId: f.subjectA.id, noteType: "call", noteText: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await counts()).toEqual(before);
  });
});
