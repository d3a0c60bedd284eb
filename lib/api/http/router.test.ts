import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { log } from "../../log";
import { route } from "./route";
import { createRouter } from "./router";

const dispatch = createRouter([
  route({
    method: "POST",
    path: "/echo",
    operationId: "echo",
    summary: "Echo",
    tag: "Test",
    public: true,
    body: z.object({ text: z.string().max(5, "At most 5.") }).strict(),
    success: { status: 200, description: "The body.", schema: null },
    errors: [400, 422],
    handle: async ({ body }) => ({ body }),
  }),
]);

const post = (body: BodyInit, init: RequestInit = {}) =>
  dispatch(new Request("http://trialdesk.test/api/v1/echo", { method: "POST", headers: { "content-type": "application/json" }, body, ...init, duplex: "half" } as RequestInit));

afterEach(() => vi.restoreAllMocks());

describe("the REST router", () => {
  it("answers a body, and refuses bad JSON and a broken rule with problem+json naming the field", async () => {
    expect(await (await post(JSON.stringify({ text: "hi" }))).json()).toEqual({ text: "hi" });
    const bad = await post("{nope");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const rule = await post(JSON.stringify({ text: "too long" }));
    expect(rule.status).toBe(422);
    expect((await rule.json()).errors).toEqual([{ pointer: "#/text", detail: "At most 5." }]);
  });

  it("lets a client that went away mid-body go quietly: no 500, nothing logged", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const abort = new AbortController();
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"te'));
        abort.abort();
        controller.error(new Error("aborted"));
      },
    });
    const response = await post(body, { signal: abort.signal });
    expect(response.status).toBe(499);
    expect(logged).not.toHaveBeenCalled();
  });
});
