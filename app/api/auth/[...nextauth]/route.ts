import { NextRequest } from "next/server";
import { JSON_BODY_LIMIT, withCappedBody } from "@/lib/api/http/body";
import { handlers } from "@/lib/auth";

export const { GET } = handlers;

/** Auth.js reads its form posts itself: the body is capped first (lib/api/http/body.ts). */
export const POST = withCappedBody(handlers.POST, JSON_BODY_LIMIT, (request: NextRequest, body) =>
  new NextRequest(request.url, { method: request.method, headers: request.headers, body: body.byteLength > 0 ? body : undefined }),
);
