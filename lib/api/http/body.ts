/**
 * Request bodies, read as streams with a hard cap: a body larger than the cap is refused with 413
 * as soon as a chunk takes it past the cap (or at once when Content-Length says so), and the rest
 * is never read — chunked bodies without a Content-Length included. Every entry that takes a body
 * reads it here (REST, GraphQL, Auth.js's sign-in POSTs; the live stream refuses any body);
 * server actions are capped by Next itself (`serverActions.bodySizeLimit` in next.config.ts, the
 * same 1 MiB).
 */
import { withRequestContext } from "../../request-context";
import { BadRequestError, problemResponse } from "./problem";

/** JSON bodies (REST, GraphQL, sign-in forms): no record of ours comes near this. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export class BodyTooLargeError extends BadRequestError {
  constructor(readonly limit: number) {
    super(`The request body is too large (at most ${limit} bytes).`, {}, 413);
  }
}

/** The body's bytes, at most `limit` of them; throws BodyTooLargeError past that. */
export async function readBodyCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading: the client may keep sending, but nothing more is buffered.
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text; bytes that are not UTF-8 are a 400 rather than silently replaced. */
export async function readTextCapped(request: Request, limit: number): Promise<string> {
  const bytes = await readBodyCapped(request, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError("The request body is not valid UTF-8.");
  }
}

/**
 * For entries that take no body (GET streams): any body at all is refused. Next hands a GET's
 * route no body stream, so the request's own headers tell whether the client sent one.
 */
export async function refuseBody(request: Request): Promise<void> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 0 || request.headers.has("transfer-encoding")) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(0);
  }
  await readBodyCapped(request, 0);
}

/**
 * A route handler whose body is read here first, capped, and handed on whole — for handlers we do
 * not write ourselves (Auth.js's sign-in and sign-out POSTs), which would otherwise read it unbounded.
 */
export function withCappedBody<R extends Request, A extends unknown[]>(
  handler: (request: R, ...rest: A) => Promise<Response>,
  limit: number,
  rebuild: (request: R, body: Uint8Array<ArrayBuffer>) => R,
): (request: R, ...rest: A) => Promise<Response> {
  return (request, ...rest) =>
    withRequestContext(request, async () => {
      let body: Uint8Array<ArrayBuffer>;
      try {
        body = await readBodyCapped(request, limit);
      } catch (error) {
        return problemResponse(error);
      }
      return handler(rebuild(request, body), ...rest);
    });
}
