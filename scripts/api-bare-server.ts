/**
 * The REST API on a bare `node:http` server — the same router (lib/api/routes.ts) as `next start`
 * serves under /api/v1, without Next's request pipeline. `npm run bench:api` runs both to measure
 * what the framework itself costs per request. Run with
 * `node --conditions=react-server --import tsx scripts/api-bare-server.ts` (PORT, DATABASE_URL).
 */
import http from "node:http";
import { dispatchApi } from "@/lib/api/routes";

const port = Number(process.env.PORT ?? 3500);

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  const body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  const response = await dispatchApi(new Request(`http://localhost:${port}${req.url}`, { method: req.method, headers, body }));
  const out = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(out);
});

server.listen(port, () => console.log(`bare API server on http://localhost:${port}/api/v1`));
