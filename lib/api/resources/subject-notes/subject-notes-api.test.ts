import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { subjectNotes, type SubjectNote } from "@/db/schema";
import { withTestDb } from "@/tests/db";
import { addSubject } from "@/tests/fixtures-screening";
import { counts } from "@/tests/fixtures-subjects";
import { makeUser, twoSites } from "@/tests/fixtures";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let noteA: SubjectNote;
let noteB: SubjectNote;

/** A note written straight into the database (not through the lib under test); subject A's by coordA unless told otherwise. */
async function insertNote(values: Partial<typeof subjectNotes.$inferInsert> = {}): Promise<SubjectNote> {
  const db = await getDb();
  const [row] = await db
    .insert(subjectNotes)
    .values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: f.subjectA.id, authorId: f.users.coordA.id, noteType: "call", noteText: "Called Alice about her diary", ...values })
    .returning();
  return row!;
}

beforeAll(async () => {
  f = await twoSites();
  noteA = await insertNote({ createdAt: new Date("2024-03-01T10:00:00Z") });
  noteB = await insertNote({ siteId: f.siteB.id, studyId: f.studyB.id, subjectId: f.subjectB.id, authorId: f.users.coordB.id, noteText: "Bob rescheduled" });
});

describe("REST /subject-notes", () => {
  it("lists only the caller's site, newest first, with embeds from the same query", async () => {
    const api = await clientFor(f.users.coordA.id);
    const { data, response } = await api.GET("/api/v1/subject-notes", { params: { query: { include: "subject,author" } } });
    expect(response.status).toBe(200);
    const ids = data!.data.map((n) => n.id);
    expect(ids).toContain(noteA.id);
    expect(ids).not.toContain(noteB.id);
    expect(data!.data.find((n) => n.id === noteA.id)).toMatchObject({
      noteType: "call",
      noteText: "Called Alice about her diary",
      authorId: f.users.coordA.id,
      subjectId: f.subjectA.id,
      version: 1,
      subject: { subjectId: "A-01", fullName: "Alice Anders" },
      author: { username: "coord_a" },
    });
    const created = data!.data.map((n) => n.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it("applies every filter and order", async () => {
    const subject = await addSubject(f, "A");
    const base = { subjectId: subject.id };
    const first = await insertNote({ ...base, noteType: "consent", createdAt: new Date("2024-04-01T10:00:00Z") });
    const second = await insertNote({ ...base, noteType: "visit", createdAt: new Date("2024-04-02T10:00:00Z") });
    const third = await insertNote({ ...base, noteType: "visit", createdAt: new Date("2024-04-03T10:00:00Z") });
    const api = await clientFor(f.users.coordA.id);
    const list = async (query: Record<string, string>) => {
      const { data, response } = await api.GET("/api/v1/subject-notes", { params: { query: { subjectId: subject.id, ...query } } });
      expect(response.status).toBe(200);
      return data!.data.map((n) => n.id);
    };
    expect(await list({})).toEqual([third.id, second.id, first.id]);
    expect(await list({ noteType: "visit" })).toEqual([third.id, second.id]);
    expect(await list({ noteType: "general" })).toEqual([]);
    expect(await list({ studyId: f.studyA.id, order: "createdAt" })).toEqual([first.id, second.id, third.id]);
    expect(await list({ studyId: f.studyB.id })).toEqual([]);
    expect(await list({ order: "-updatedAt" })).toHaveLength(3);
    expect(await list({ order: "updatedAt" })).toHaveLength(3);
    const { data } = await api.GET("/api/v1/subject-notes", { params: { query: { studyId: f.studyA.id } } });
    expect(data!.data.map((n) => n.id)).toEqual(expect.arrayContaining([noteA.id, first.id]));
  });

  it("pages without repeats or gaps while notes are written meanwhile", async () => {
    const subject = await addSubject(f, "A");
    const existing: SubjectNote[] = [];
    // Equal creation times on purpose: the id breaks the tie.
    for (const day of [1, 2, 2, 2, 3, 4, 5]) {
      existing.push(await insertNote({ subjectId: subject.id, createdAt: new Date(Date.UTC(2024, 4, day, 12)) }));
    }
    const api = await clientFor(f.users.coordA.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let round = 0; round < 10; round++) {
      const { data } = await api.GET("/api/v1/subject-notes", { params: { query: { subjectId: subject.id, limit: 3, cursor } } });
      seen.push(...data!.data.map((n) => n.id));
      await insertNote({ subjectId: subject.id }); // now: newest, before the pages read
      await insertNote({ subjectId: subject.id, createdAt: new Date(Date.UTC(2024, 4, 2, 12)) }); // inside
      if (!data!.nextCursor) break;
      cursor = data!.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const key = (n: SubjectNote) => n.createdAt.getTime();
    const expectedOrder = [...existing].sort((a, b) => (key(a) === key(b) ? (a.id < b.id ? 1 : -1) : key(b) - key(a))).map((n) => n.id);
    expect(seen.filter((id) => expectedOrder.includes(id))).toEqual(expectedOrder);
  });

  it("writes through the lib, keeps SQL- and HTML-looking text verbatim, and refuses a stale version with the current note", async () => {
    const api = await clientFor(f.users.coordA.id);
    const text = `<script>alert("x")</script> Robert'); DROP TABLE subject_notes;--`;
    const created = await api.POST("/api/v1/subject-notes", { body: { subjectId: f.subjectA.id, noteType: "general", noteText: text } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ noteText: text, noteType: "general", authorId: f.users.coordA.id, version: 1 });
    const id = created.data!.id;
    expect((await api.GET("/api/v1/subject-notes/{id}", { params: { path: { id } } })).data!.noteText).toBe(text);

    // Only the type is sent: the text stays.
    const retyped = await api.PATCH("/api/v1/subject-notes/{id}", { params: { path: { id } }, body: { version: 1, noteType: "call", reason: "Wrong type" } });
    expect(retyped.response.status).toBe(200);
    expect(retyped.data).toMatchObject({ noteType: "call", noteText: text, version: 2 });
    const stale = await api.PATCH("/api/v1/subject-notes/{id}", { params: { path: { id } }, body: { version: 1, noteText: "Lost", reason: "x" } });
    expect(stale.response.status).toBe(409);
    expect(stale.response.headers.get("content-type")).toBe("application/problem+json");
    expect((stale.error as { current: Record<string, unknown> }).current).toMatchObject({ id, noteType: "call", noteText: text, version: 2 });
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const token = await tokenFor(f.users.coordA.id);
    const before = await counts();
    const post = (body: unknown) => rawCall("POST", "/subject-notes", { token, body: JSON.stringify(body) });
    const wrongTypes = await post({ subjectId: 5, noteType: "gossip", noteText: ["x"], extra: true });
    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.type).toBe("application/problem+json");
    const pointers = (wrongTypes.body!.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["#/subjectId", "#/noteType", "#/noteText"]));
    const good = { subjectId: f.subjectA.id, noteType: "call", noteText: "ok" };
    expect((await post({ ...good, noteText: "a".repeat(5001) })).status).toBe(422);
    expect((await post({ ...good, noteText: "   " })).status).toBe(422);
    expect((await post({ ...good, subjectId: "2024-02-30" })).status).toBe(422);
    expect((await post({ ...good, subjectId: f.subjectB.id })).status).toBe(404);
    expect((await rawCall("POST", "/subject-notes", { token, body: "[1," })).status).toBe(400);
    expect((await rawCall("POST", "/subject-notes", { token, body: "x", contentType: "text/plain" })).status).toBe(415);

    const patch = (id: string, body: unknown) => rawCall("PATCH", `/subject-notes/${id}`, { token, body: JSON.stringify(body) });
    expect((await patch(noteA.id, { version: 1, noteText: "no reason" })).status).toBe(422);
    expect((await patch(noteA.id, { version: 1, reason: "x", authorId: f.users.invA.id })).status).toBe(422);
    expect((await patch(noteA.id, { version: 1, reason: "x", noteText: "" })).status).toBe(422);
    expect((await patch(noteA.id, { version: 1, reason: "x", noteText: 42 })).status).toBe(422);
    expect((await patch("123", { version: 1, reason: "x", noteText: "y" })).status).toBe(404);

    for (const query of ["noteType=gossip", "subjectId=1", "order=noteText", "include=study", "limit=201", "createdFrom=2024-01-01", "cursor=%%%"]) {
      const res = await rawCall("GET", `/subject-notes?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.type).toBe("application/problem+json");
    }
    expect(await counts()).toEqual(before);
  });

  it("enforces role × site: staff write their site, only the author edits, foreign is 404, sponsors and admins read only", async () => {
    const noGrant = await makeUser("sponsor_none_note", "sponsor", null);
    const get = async (userId: string, id: string) => (await (await clientFor(userId)).GET("/api/v1/subject-notes/{id}", { params: { path: { id } } })).response.status;
    const ids = async (userId: string) => (await (await clientFor(userId)).GET("/api/v1/subject-notes", {})).data!.data.map((n) => n.id);
    const write = async (userId: string, subjectId: string) =>
      (await (await clientFor(userId)).POST("/api/v1/subject-notes", { body: { subjectId, noteType: "general", noteText: "Matrix" } })).response.status;
    const edit = async (userId: string, note: SubjectNote) =>
      (await (await clientFor(userId)).PATCH("/api/v1/subject-notes/{id}", { params: { path: { id: note.id } }, body: { version: note.version, noteText: "Edited", reason: "Matrix" } })).response.status;

    for (const staff of [f.users.coordA.id, f.users.invA.id]) {
      expect(await get(staff, noteA.id)).toBe(200);
      expect(await get(staff, noteB.id)).toBe(404);
      expect(await ids(staff)).not.toContain(noteB.id);
      expect(await write(staff, f.subjectA.id)).toBe(201);
      expect(await write(staff, f.subjectB.id)).toBe(404);
      expect(await edit(staff, await insertNote({ authorId: staff }))).toBe(200);
      expect(await edit(staff, noteB)).toBe(404);
    }
    // Another author's note of the same site: readable, not editable.
    expect(await edit(f.users.invA.id, noteA)).toBe(403);
    expect(await get(f.users.coordB.id, noteA.id)).toBe(404);
    expect(await edit(f.users.coordB.id, noteA)).toBe(404);

    expect(await get(f.users.sponsor.id, noteA.id)).toBe(200);
    expect(await get(f.users.sponsor.id, noteB.id)).toBe(404);
    expect(await write(f.users.sponsor.id, f.subjectA.id)).toBe(403);
    expect(await edit(f.users.sponsor.id, noteA)).toBe(403);
    // Sponsors never edit notes: refused as a role, before the note is looked up (nothing said of noteB).
    expect(await edit(f.users.sponsor.id, noteB)).toBe(403);
    expect(await ids(noGrant.id)).toEqual([]);
    expect(await get(noGrant.id, noteA.id)).toBe(404);

    expect(await get(f.users.admin.id, noteA.id)).toBe(200);
    expect(await get(f.users.admin.id, noteB.id)).toBe(200);
    expect(await write(f.users.admin.id, f.subjectA.id)).toBe(403);
    expect(await edit(f.users.admin.id, noteA)).toBe(403);
    expect((await apiClient().GET("/api/v1/subject-notes", {})).response.status).toBe(401);
    // None of the refused edits changed the note.
    expect((await (await clientFor(f.users.coordA.id)).GET("/api/v1/subject-notes/{id}", { params: { path: { id: noteA.id } } })).data).toMatchObject({ version: 1, noteText: "Called Alice about her diary" });
  });

  it("withholds the note text and the subject's identity from a sponsor in the data itself", async () => {
    const api = await clientFor(f.users.sponsor.id);
    const { data } = await api.GET("/api/v1/subject-notes", { params: { query: { include: "subject,author" } } });
    expect(data!.data.length).toBeGreaterThan(0);
    for (const note of data!.data) {
      expect(note.noteText).toBeNull();
      expect(note.subject!.fullName).toBeNull();
      expect(note.studyId).toBe(f.studyA.id);
    }
    const one = await api.GET("/api/v1/subject-notes/{id}", { params: { path: { id: noteA.id }, query: { include: "subject" } } });
    expect(one.data).toMatchObject({ noteType: "call", noteText: null, subject: { subjectId: "A-01", fullName: null, dob: "1970" } });
    const all = JSON.stringify(data) + JSON.stringify(one.data);
    expect(all).not.toContain("Alice");
    expect(all).not.toContain("diary");
  });

  it("reads each record the same in a list (JSON built by the database) and on its own", async () => {
    for (const user of [f.users.coordA, f.users.sponsor, f.users.admin]) {
      const api = await clientFor(user.id);
      const list = await api.GET("/api/v1/subject-notes", { params: { query: { include: "subject,author", limit: 200 } } });
      expect(list.response.status).toBe(200);
      for (const item of list.data!.data) {
        const one = await api.GET("/api/v1/subject-notes/{id}", { params: { path: { id: item.id }, query: { include: "subject,author" } } });
        expect(item).toEqual(one.data);
      }
    }
  });
});
