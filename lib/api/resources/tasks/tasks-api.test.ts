/**
 * /api/v1/tasks and GraphQL's tasks: every operation on both transports (the same lib calls), the
 * list's filters and keyset pages, role × site (sponsors refused, another site's task not found),
 * bad input refused as problem+json writing nothing, and a stale version's 409 with the task.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Task } from "@/db/schema";
import { gql } from "@/lib/graphql/test-client";
import { mutate, send, statuses } from "@/tests/api/both-transports";
import { apiClient, clientFor, rawCall, tokenFor } from "@/tests/api/client";
import { withTwoSites } from "@/tests/fixtures";
import { addSubject } from "@/tests/fixtures-screening";
import { insertTask, taskCounts } from "@/tests/fixtures-tasks";
import { makeVisit } from "@/tests/fixtures-visits";

const f = withTwoSites();
const FIELDS = [
  "id", "version", "createdAt", "updatedAt", "siteId", "studyId", "subjectId", "entity", "entityId", "title", "details", "dueAt", "assigneeId",
  "assigneeRole", "priority", "status", "dismissReason", "closedAt", "closedById", "source", "createdById",
];
const at = (iso: string) => new Date(iso);
let own: Task;
let roleTask: Task;
let done: Task;
let foreign: Task;

beforeAll(async () => {
  own = await insertTask(f, { title: "Chase lab results", dueAt: at("2030-03-05T14:00:00Z"), priority: "high", details: "Ask for the potassium" });
  roleTask = await insertTask(f, { title: "Order diaries", assigneeId: null, assigneeRole: "coordinator", dueAt: at("2030-03-07T14:00:00Z") });
  done = await insertTask(f, { title: "File consent copy", status: "done", closedAt: at("2030-03-01T12:00:00Z"), closedById: f.users.coordA.id, dueAt: at("2030-03-01T14:00:00Z") });
  await insertTask(f, { title: "Review ECG", assigneeId: f.users.invA.id, dueAt: at("2030-03-06T14:00:00Z") });
  foreign = await insertTask(f, { title: "Site B call" }, "B");
});

const ids = (page: { data: { id: string }[] } | undefined) => page!.data.map((t) => t.id);

describe("REST /tasks", () => {
  it("lists the caller's site by due time, with assignee=me, status, subjectId, dueBefore and the other filters; reads one", async () => {
    const api = await clientFor(f.users.coordA.id);
    const all = await api.GET("/api/v1/tasks", {});
    expect(all.response.status).toBe(200);
    expect(all.data!.data.map((t) => t.title)).toEqual(["File consent copy", "Chase lab results", "Review ECG", "Order diaries"]);
    expect(Object.keys(all.data!.data[0]!).sort()).toEqual([...FIELDS].sort());
    expect(ids(all.data)).not.toContain(foreign.id);
    const query = async (q: Record<string, string>) => ids((await api.GET("/api/v1/tasks", { params: { query: q } })).data);

    // Mine: assigned to me, or to my role at my site.
    expect(await query({ assignee: "me" })).toEqual([done.id, own.id, roleTask.id]);
    expect(await query({ assignee: "me", status: "open" })).toEqual([own.id, roleTask.id]);
    expect(await query({ assignee: f.users.invA.id })).toHaveLength(1);
    expect(await query({ status: "done" })).toEqual([done.id]);
    expect(await query({ dueBefore: "2030-03-06T14:00:00Z" })).toEqual([done.id, own.id]);
    expect(await query({ dueBefore: "2030-03-05T09:00:00-05:00", status: "open" })).toEqual([]);
    expect(await query({ priority: "high" })).toEqual([own.id]);
    expect(await query({ subjectId: f.subjectA.id, order: "-dueAt" })).toEqual([roleTask.id, expect.any(String), own.id, done.id]);
    expect(await query({ subjectId: f.subjectB.id })).toEqual([]);
    expect(await query({ entity: "subject", entityId: f.subjectA.id, studyId: f.studyA.id })).toHaveLength(4);
    expect(await query({ entity: "visit" })).toEqual([]);

    const one = await api.GET("/api/v1/tasks/{id}", { params: { path: { id: own.id } } });
    expect(one.data).toEqual(all.data!.data[1]);
    expect(one.data).toMatchObject({ dueAt: "2030-03-05T14:00:00.000Z", status: "open", assigneeId: f.users.coordA.id, entity: "subject", entityId: f.subjectA.id, details: "Ask for the potassium", source: "person" });
  });

  it("pages by cursor without repeats or gaps", async () => {
    const subject = await addSubject(f, "A");
    const made: Task[] = [];
    for (const day of [1, 2, 2, 2, 3, 4]) made.push(await insertTask(f, { subjectId: subject.id, entityId: subject.id, dueAt: new Date(Date.UTC(2031, 0, day, 12)) }));
    const api = await clientFor(f.users.coordA.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.GET("/api/v1/tasks", { params: { query: { subjectId: subject.id, limit: 4, cursor } } });
      seen.push(...ids(page.data));
      cursor = page.data!.nextCursor ?? undefined;
    } while (cursor);
    const key = (t: Task) => t.dueAt.getTime();
    expect(seen).toEqual([...made].sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : 1)).map((t) => t.id));
  });

  it("creates, edits, completes, dismisses with a reason and reopens through the lib; a stale version is 409 with the task", async () => {
    const token = await tokenFor(f.users.invA.id);
    const visit = await makeVisit(f, { scheduledAt: at("2030-03-05T15:00:00Z") });
    const created = await send("POST", "/tasks", token, { entity: "visit", entityId: visit.id, title: "Prepare the kit", dueAt: "2030-03-05T08:00", assigneeRole: "coordinator", priority: "urgent" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ entity: "visit", entityId: visit.id, subjectId: f.subjectA.id, dueAt: "2030-03-05T13:00:00.000Z", assigneeId: null, assigneeRole: "coordinator", priority: "urgent", status: "open", version: 1, createdById: f.users.invA.id });
    const id = created.body!.id as string;

    const edited = await send("PATCH", `/tasks/${id}`, token, { version: 1, title: "Prepare the PK kit", details: "Two tubes", assigneeId: f.users.coordA.id, dueAt: "2030-03-05T12:30:00Z" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: "Prepare the PK kit", details: "Two tubes", assigneeId: f.users.coordA.id, assigneeRole: null, dueAt: "2030-03-05T12:30:00.000Z", version: 2 });
    expect((await send("PATCH", `/tasks/${id}`, token, { version: 2, details: null })).body).toMatchObject({ details: null, version: 3 });

    const stale = await send("PATCH", `/tasks/${id}`, token, { version: 1, status: "done" });
    expect(stale.status).toBe(409);
    expect(stale.type).toBe("application/problem+json");
    expect(stale.body!.current).toMatchObject({ id, title: "Prepare the PK kit", version: 3, status: "open" });

    const completed = await send("PATCH", `/tasks/${id}`, token, { version: 3, status: "done" });
    expect(completed.body).toMatchObject({ status: "done", closedById: f.users.invA.id, version: 4 });
    expect(completed.body!.closedAt).not.toBeNull();
    expect((await send("PATCH", `/tasks/${id}`, token, { version: 4, status: "open" })).body).toMatchObject({ status: "open", closedAt: null, version: 5 });
    const dismissed = await send("PATCH", `/tasks/${id}`, token, { version: 5, status: "dismissed", reason: "Kit comes with the courier" });
    expect(dismissed.body).toMatchObject({ status: "dismissed", dismissReason: "Kit comes with the courier", version: 6 });
  });

  it("refuses bad input with problem+json naming the fields, and writes nothing", async () => {
    const token = await tokenFor(f.users.coordA.id);
    const before = await taskCounts();
    const good = { entity: "subject", entityId: f.subjectA.id, title: "Call", dueAt: "2030-03-05T09:00", assigneeId: f.users.coordA.id };
    const post = (body: unknown) => send("POST", "/tasks", token, body);
    const wrong = await post({ entity: "patient", entityId: 5, title: ["x"], dueAt: "tomorrow", priority: "asap", assigneeRole: "admin", extra: true });
    expect(wrong.status).toBe(422);
    expect(wrong.type).toBe("application/problem+json");
    expect((wrong.body!.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(
      expect.arrayContaining(["#/entity", "#/entityId", "#/title", "#/dueAt", "#/priority", "#/assigneeRole"]),
    );
    expect((await post({ ...good, assigneeRole: "investigator" })).status).toBe(422);
    expect((await post({ ...good, assigneeId: undefined })).status).toBe(422);
    expect((await post({ ...good, assigneeId: f.users.coordB.id })).status).toBe(422);
    expect((await post({ ...good, dueAt: "2030-03-10T02:30" })).status).toBe(422);
    expect((await post({ ...good, entityId: f.subjectB.id })).status).toBe(404);
    expect((await rawCall("POST", "/tasks", { token, body: "{" })).status).toBe(400);
    expect((await rawCall("POST", "/tasks", { token, body: "x", contentType: "text/plain" })).status).toBe(415);

    const patch = (body: unknown, id = own.id) => send("PATCH", `/tasks/${id}`, token, body);
    for (const body of [
      { version: 1 },
      { version: 1, status: "done", title: "Both" },
      { version: 1, status: "dismissed" },
      { version: 1, status: "done", reason: "Not with done" },
      { version: 1, title: "" },
      { version: "1", title: "x" },
      { version: 1, assigneeId: f.users.invA.id, assigneeRole: "coordinator" },
      { version: 1, status: "closed" },
      { version: 1, createdById: f.users.invA.id },
    ]) {
      const refused = await patch(body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.type).toBe("application/problem+json");
    }
    // Only a closed task reopens; only an open one completes.
    expect((await patch({ version: 1, status: "open" })).status).toBe(422);
    expect((await patch({ version: 1, status: "done" }, done.id)).status).toBe(422);
    expect((await patch({ version: 1, title: "x" }, "123")).status).toBe(404);
    for (const q of ["assignee=you", "status=closed", "subjectId=1", "dueBefore=2030-03-01", "order=title", "include=subject", "limit=201", "cursor=%%%", "q=x"]) {
      const res = await rawCall("GET", `/tasks?${q}`, { token });
      expect(res.status, q).toBe(400);
      expect(res.type).toBe("application/problem+json");
    }
    expect(await taskCounts()).toEqual(before);
  });

  it("enforces role × site: staff work their site's tasks, another site's is 404, sponsors are refused, admins read only", async () => {
    const task = await insertTask(f, { title: "Matrix" });
    const tokens = new Map<string, string>();
    for (const user of [f.users.coordB, f.users.sponsor, f.users.admin, f.users.invA]) tokens.set(user.id, await tokenFor(user.id));
    const before = await taskCounts();
    const create = { entity: "subject", entityId: f.subjectA.id, title: "Matrix", dueAt: "2030-03-05T09:00", assigneeRole: "coordinator" };
    const calls = async (userId: string, id = task.id) => {
      const token = tokens.get(userId)!;
      return statuses([send("GET", "/tasks", token), send("GET", `/tasks/${id}`, token), send("POST", "/tasks", token, create), send("PATCH", `/tasks/${id}`, token, { version: 99, title: "x" })]);
    };
    expect(await calls(f.users.coordB.id)).toEqual([200, 404, 404, 404]);
    expect(await calls(f.users.sponsor.id)).toEqual([403, 403, 403, 403]);
    expect(await calls(f.users.admin.id)).toEqual([200, 200, 403, 403]);
    expect(await calls(f.users.admin.id, foreign.id)).toEqual([200, 200, 403, 403]);
    expect(await taskCounts()).toEqual(before);
    expect(await calls(f.users.invA.id)).toEqual([200, 200, 201, 409]);
    const adminIds = ids((await (await clientFor(f.users.admin.id)).GET("/api/v1/tasks", { params: { query: { limit: 200 } } })).data);
    expect(adminIds).toEqual(expect.arrayContaining([own.id, foreign.id]));
    expect((await (await clientFor(f.users.coordB.id)).GET("/api/v1/tasks", {})).data!.data.map((t) => t.siteId)).toEqual([f.siteB.id]);
    expect((await apiClient().GET("/api/v1/tasks", {})).response.status).toBe(401);
  });

  it("reads each task the same in a list (JSON built by the database) and on its own", async () => {
    for (const user of [f.users.coordA, f.users.admin]) {
      const api = await clientFor(user.id);
      const list = await api.GET("/api/v1/tasks", { params: { query: { limit: 200 } } });
      for (const item of list.data!.data) expect(item).toEqual((await api.GET("/api/v1/tasks/{id}", { params: { path: { id: item.id } } })).data);
    }
  });
});

describe("GraphQL tasks", () => {
  const selection = FIELDS.join(" ");

  it("lists and reads as REST does, with the same filters", async () => {
    const token = await tokenFor(f.users.coordA.id);
    for (const [args, query] of [
      ['assignee: "me", status: "open"', "assignee=me&status=open"],
      [`subjectId: "${f.subjectA.id}", dueBefore: "2030-03-06T14:00:00Z", limit: 2`, `subjectId=${f.subjectA.id}&dueBefore=2030-03-06T14:00:00Z&limit=2`],
    ]) {
      const list = await gql<{ tasks: unknown }>(token, `{ tasks(${args}) { data { ${selection} } nextCursor } }`);
      expect(list.errors).toEqual([]);
      expect(list.data!.tasks).toEqual((await send("GET", `/tasks?${query}`, token)).body);
    }
    const one = await gql<{ task: unknown }>(token, `query($id: ID!) { task(id: $id) { ${selection} } }`, { id: own.id });
    expect(one.data!.task).toEqual((await send("GET", `/tasks/${own.id}`, token)).body);
    expect((await gql(token, `query($id: ID!) { task(id: $id) { id } }`, { id: foreign.id })).codes).toEqual(["NOT_FOUND"]);
    expect((await gql(await tokenFor(f.users.sponsor.id), "{ tasks { data { id } } }")).codes).toEqual(["FORBIDDEN"]);
  });

  it("creates and changes a task with the REST operations' mutations", async () => {
    const token = await tokenFor(f.users.coordA.id);
    const created = await mutate(token, "createTask", { input: { entity: "study", entityId: f.studyA.id, title: "File the amendment", dueAt: "2030-04-01T10:00", assigneeId: f.users.invA.id } }, FIELDS);
    expect(created.errors).toEqual([]);
    const id = created.answer!.id as string;
    expect(created.answer).toEqual((await send("GET", `/tasks/${id}`, token)).body);
    expect(created.answer).toMatchObject({ entity: "study", subjectId: null, dueAt: "2030-04-01T14:00:00.000Z", version: 1 });
    const completed = await mutate(token, "updateTask", { id, input: { version: 1, status: "done" } }, FIELDS);
    expect(completed.answer).toEqual((await send("GET", `/tasks/${id}`, token)).body);
    expect(completed.answer).toMatchObject({ status: "done", version: 2 });
    const [coordB, sponsor] = [await tokenFor(f.users.coordB.id), await tokenFor(f.users.sponsor.id)];
    const before = await taskCounts();
    expect((await mutate(token, "updateTask", { id, input: { version: 1, status: "open" } })).codes).toEqual(["CONFLICT"]);
    expect((await mutate(token, "updateTask", { id, input: { version: 2, status: "dismissed" } })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await mutate(coordB, "updateTask", { id, input: { version: 2, status: "open" } })).codes).toEqual(["NOT_FOUND"]);
    expect((await mutate(sponsor, "createTask", { input: { entity: "study", entityId: f.studyA.id, title: "x", dueAt: "2030-04-01T10:00", assigneeRole: "coordinator" } })).codes).toEqual(["FORBIDDEN"]);
    expect(await taskCounts()).toEqual(before);
  });
});
