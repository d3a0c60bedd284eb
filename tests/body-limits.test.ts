/**
 * Every entry that takes a body reads it capped (lib/api/http/body.ts): a body past the cap is a
 * 413 problem+json, decided while reading — a chunked body with no Content-Length is not buffered
 * past the cap, and an endless one does not hang. REST, GraphQL, the live stream (a GET: any body
 * is refused) and Auth.js's own POSTs each through the handler the app serves. Server actions are
 * capped by Next (next.config.ts); tests/server/body-limit-actions.test.ts sends them to a real server.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { JSON_BODY_LIMIT, readBodyCapped } from "@/lib/api/http/body";
import { dispatchApi } from "@/lib/api/routes";
import { createGraphQLHandler } from "@/lib/graphql/server";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { tokenFor } from "@/tests/api/client";

withTestDb();

const MiB = 1024 * 1024;
let token: string;

beforeAll(async () => {
  const f = await twoSites();
  token = await tokenFor(f.users.coordA.id);
});

/** A chunked body (no length known up front) of `total` bytes — or endless — that counts what was pulled. */
function chunkedBody(total = Infinity, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const piece = new Uint8Array(chunk).fill(0x20); // spaces: valid JSON whitespace, valid UTF-8
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - state.pulled);
      state.pulled += size;
      controller.enqueue(size === chunk ? piece : piece.slice(0, size));
    },
  });
  return { stream, state };
}

function post(url: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);
}

async function expectTooLarge(response: Response) {
  expect(response.status).toBe(413);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { status: number; detail: string; requestId?: string };
  expect(problem.status).toBe(413);
  expect(problem.detail).toMatch(/too large/);
  expect(problem.requestId).toMatch(/^[\w.:-]{1,64}$/);
}

describe("one cap for JSON bodies", () => {
  it("is 1 MiB in the API's reader, Next's server actions setting and the server script's page check", async () => {
    expect(JSON_BODY_LIMIT).toBe(MiB);
    const { default: config } = await import("@/next.config");
    expect(config.experimental?.serverActions?.bodySizeLimit).toBe("1mb");
    const serve = fs.readFileSync(path.join(process.cwd(), "scripts/serve.mjs"), "utf8");
    expect(serve).toMatch(/const PAGE_BODY_LIMIT = 1024 \* 1024;/);
  });
});

describe("readBodyCapped", () => {
  it("reads a body up to the cap, and stops reading one chunk past it", async () => {
    const fits = chunkedBody(1000, 100);
    expect((await readBodyCapped(post("http://t/", fits.stream), 1000)).byteLength).toBe(1000);
    const endless = chunkedBody(Infinity, 64 * 1024);
    await expect(readBodyCapped(post("http://t/", endless.stream), MiB)).rejects.toMatchObject({ status: 413 });
    // The stream may be read ahead by one queued chunk, never more.
    expect(endless.state.pulled).toBeLessThanOrEqual(MiB + 3 * 64 * 1024);
  });

  it("refuses a declared Content-Length past the cap without reading a byte", async () => {
    const body = chunkedBody(Infinity);
    const request = post("http://t/", body.stream, { "content-length": String(64 * MiB) });
    await expect(readBodyCapped(request, MiB)).rejects.toMatchObject({ status: 413 });
    expect(body.state.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });
});

describe("413 on every entry", () => {
  it("REST: a 64 MiB chunked body, an endless one and a plain 1 MiB + 1 body are refused; 1 MiB of JSON is read", async () => {
    const started = Date.now();
    const endless = chunkedBody();
    await expectTooLarge(await dispatchApi(post("http://trialdesk.test/api/v1/sessions", endless.stream)));
    expect(endless.state.pulled).toBeLessThanOrEqual(JSON_BODY_LIMIT + 3 * 64 * 1024);
    const big = chunkedBody(64 * MiB);
    await expectTooLarge(await dispatchApi(post("http://trialdesk.test/api/v1/visits", big.stream, { authorization: `Bearer ${token}` })));
    expect(big.state.pulled).toBeLessThan(2 * MiB);
    await expectTooLarge(await dispatchApi(post("http://trialdesk.test/api/v1/sessions", `{"username":"${"a".repeat(MiB)}"}`)));
    expect(Date.now() - started).toBeLessThan(5000);
    // Just under the cap: read and judged on its content (a 422 for the bad fields, not a 413).
    const under = `{"username":"${"a".repeat(JSON_BODY_LIMIT - 40)}"}`;
    expect((await dispatchApi(post("http://trialdesk.test/api/v1/sessions", under))).status).not.toBe(413);
  });

  it("REST: a body that is not UTF-8 is a 400, not silently rewritten", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}
    const response = await dispatchApi(post("http://trialdesk.test/api/v1/sessions", bytes));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/UTF-8/);
  });

  it("GraphQL: an endless chunked body is refused with 413 problem+json", async () => {
    const handle = createGraphQLHandler();
    const endless = chunkedBody();
    await expectTooLarge(await handle(post("http://trialdesk.test/api/graphql", endless.stream, { authorization: `Bearer ${token}` })));
    expect(endless.state.pulled).toBeLessThanOrEqual(JSON_BODY_LIMIT + 3 * 64 * 1024);
    // A real query still runs.
    const ok = await handle(post("http://trialdesk.test/api/graphql", JSON.stringify({ query: "{ me { id } }" }), { authorization: `Bearer ${token}` }));
    expect(ok.status).toBe(200);
  });

  it("live: a GET that says it carries a body (chunked or with a length) is refused", async () => {
    // Next hands a GET's route no body stream; the headers say whether one was sent. Through the
    // route the app serves (its session reader is never reached: the body is refused first).
    const { GET } = await import("@/app/api/v1/live/route");
    const sent: Record<string, string>[] = [{ "transfer-encoding": "chunked" }, { "content-length": String(64 * MiB) }, { "content-length": "1" }];
    for (const headers of sent) {
      const request = new Request("http://trialdesk.test/api/v1/live", { headers: { authorization: `Bearer ${token}`, ...headers } });
      await expectTooLarge(await GET(request));
    }
  });

  it("Auth.js: its credential POST is capped before Auth.js reads it", async () => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const { NextRequest } = await import("next/server");
    const endless = chunkedBody();
    const request = new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: endless.stream,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    await expectTooLarge(await POST(request));
    expect(endless.state.pulled).toBeLessThanOrEqual(JSON_BODY_LIMIT + 3 * 64 * 1024);
  });
});
