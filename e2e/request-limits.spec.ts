/**
 * Against the running server (scripts/serve.mjs in front of Next), what only a real HTTP server
 * shows (issue 12, findings 1 and 7, and request ids):
 * - server actions' bodies are capped: a page POST past 1 MiB is a 413 problem+json before a byte is
 *   read, one without a length (chunked) a 411 — while 1 MiB of form still reaches Next;
 * - X-Forwarded-For does not change the address the sign-in throttle counts (TRUST_PROXY_HOPS=0):
 *   six guesses each "from" another forged address are all one client, so the sixth is refused;
 * - every answer names its request id (X-Request-Id, and `requestId` in problem+json), and a safe
 *   incoming X-Request-Id is kept while an unsafe one is replaced.
 */
import http from "node:http";
import { expect, test } from "@playwright/test";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/** A raw request: `chunks` are written one by one with no Content-Length unless `length` is given. */
function send(baseURL: string, path: string, options: { method?: string; headers?: Record<string, string>; chunks?: Buffer[]; length?: number }): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.length !== undefined) headers["content-length"] = options.length;
    const req = http.request(url, { method: options.method ?? "POST", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body, ms: Date.now() - started }));
    });
    // The server may answer and close before the whole body is sent: that is the point.
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

const MiB = 1024 * 1024;

/** The login form's action id, as the page renders it. */
async function loginActionId(baseURL: string): Promise<string> {
  const html = (await send(baseURL, "/login", { method: "GET" })).body;
  const id = /&quot;id&quot;:&quot;([0-9a-f]{20,})&quot;/.exec(html)?.[1];
  expect(id, "the login form's server action id").toBeTruthy();
  return id!;
}

test("a server action's body past 1 MiB is refused with 413 problem+json, unread; chunked with no length with 411", async ({ baseURL }) => {
  const action = await loginActionId(baseURL!);
  const headers = { "next-action": action, "content-type": "text/plain;charset=UTF-8" };

  // 64 MiB declared, 1 MiB actually sent: the answer comes before the rest would be read.
  const big = await send(baseURL!, "/login", { headers, length: 64 * MiB, chunks: [Buffer.alloc(MiB, 0x61)] });
  expect(big.status).toBe(413);
  expect(big.headers["content-type"]).toBe("application/problem+json");
  const problem = JSON.parse(big.body);
  expect(problem).toMatchObject({ status: 413, title: "Content too large" });
  expect(problem.requestId).toBe(big.headers["x-request-id"]);
  expect(big.ms).toBeLessThan(2000);

  const justOver = await send(baseURL!, "/login", { headers, length: MiB + 1, chunks: [Buffer.alloc(MiB + 1, 0x61)] });
  expect(justOver.status).toBe(413);

  const chunked = await send(baseURL!, "/login", { headers, chunks: [Buffer.alloc(64 * 1024, 0x61), Buffer.alloc(64 * 1024, 0x61)] });
  expect(chunked.status).toBe(411);
  expect(chunked.headers["content-type"]).toBe("application/problem+json");

  // At the cap, the body reaches Next (which judges its content: not a 411 or 413 of ours).
  const atCap = await send(baseURL!, "/login", { headers, length: MiB, chunks: [Buffer.alloc(MiB, 0x61)] });
  expect([411, 413]).not.toContain(atCap.status);
});

test("a forged X-Forwarded-For does not give a client a fresh sign-in allowance", async ({ baseURL }) => {
  // A username no other spec uses: the (account, address) lock it earns stays with it.
  const username = `xff-probe-${Date.now().toString(36)}`;
  const statuses: number[] = [];
  for (let i = 1; i <= 6; i++) {
    const answer = await send(baseURL!, "/api/v1/sessions", {
      headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `203.0.113.${i}` },
      chunks: [Buffer.from(JSON.stringify({ username, password: "Not-The-Password-1" }))],
    });
    statuses.push(answer.status);
    if (answer.status === 429) expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
  }
  // Five wrong guesses, then the pair (account, real address) is locked — the forged headers did not split it.
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

test("every answer names its request id; a safe incoming id is kept, an unsafe one replaced", async ({ baseURL }) => {
  const kept = await send(baseURL!, "/api/v1/nothing-here", { method: "GET", headers: { "x-request-id": "trace-42.a_b:c" } });
  expect(kept.status).toBe(404);
  expect(kept.headers["x-request-id"]).toBe("trace-42.a_b:c");
  expect(JSON.parse(kept.body).requestId).toBe("trace-42.a_b:c");

  for (const unsafe of ["a b", "x".repeat(65), "<script>", "%3Cscript%3E", "a/b", "{\"json\":1}"]) {
    const replaced = await send(baseURL!, "/api/v1/nothing-here", { method: "GET", headers: { "x-request-id": unsafe } });
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(replaced.body).requestId).toBe(replaced.headers["x-request-id"]);
  }
  const page = await send(baseURL!, "/login", { method: "GET" });
  expect(page.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
