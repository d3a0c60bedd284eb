/**
 * One subscriber's Server-Sent Events stream (GET /api/v1/live):
 *
 *   retry: 2000
 *   id: <head>          event: ready     data: {}                 — the stream is live
 *   id: <n>                              data: {type, entity, id, studyId, at}   — a change (ids only)
 *   id: <head>          event: reset     data: {"reason": …}      — changes may have been missed: refetch
 *                       event: end       data: {"reason": …}      — the account may no longer listen; closed
 *   : ping                                                         — heartbeat comment, every ~15 s
 *
 * The subscriber's actor is re-read at every heartbeat (and at once when their own user record or,
 * for a sponsor, a study changes), so a disabled user's stream ends and role, site and grant
 * changes apply to what they receive next.
 */
import type { Actor } from "@/lib/actor";
import { publicChange, type Change } from "./events";
import { ensureListening, headId, reserveStream, subscribe, type Subscriber } from "./hub";

export const HEARTBEAT_MS = 15_000;

export type LiveOptions = {
  actor: Actor;
  /** The subscriber as they are now; null when their session or token no longer stands. */
  reload: () => Promise<Actor | null>;
  /** From the `Last-Event-ID` header (or the `lastEventId` query parameter). */
  lastEventId: string | null;
  signal?: AbortSignal;
  heartbeatMs?: number;
};

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform keeps compression (Next's included) from buffering the stream
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

const frame = (fields: { id?: string; event?: string; data: unknown }) =>
  `${fields.id ? `id: ${fields.id}\n` : ""}${fields.event ? `event: ${fields.event}\n` : ""}data: ${JSON.stringify(fields.data)}\n\n`;

export async function liveResponse(options: LiveOptions): Promise<Response> {
  await ensureListening();
  // Throws 429 when the user holds LIVE_MAX_PER_USER streams already; freed when this one finishes.
  const release = reserveStream(options.actor.id, Math.ceil((options.heartbeatMs ?? HEARTBEAT_MS) / 1000));
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let reloading: Promise<void> | null = null;
      let timer: ReturnType<typeof setInterval> | undefined = undefined;
      let unsubscribe = () => {};
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      const finish = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        unsubscribe();
        release();
        options.signal?.removeEventListener("abort", finish);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const end = (reason: string) => {
        write(frame({ event: "end", data: { reason } }));
        finish();
      };
      const reload = () =>
        (reloading ??= options
          .reload()
          .then((actor) => {
            if (!actor) return end("unauthenticated");
            if (actor.status !== "active") return end(actor.status);
            sub.actor = actor;
          })
          .catch(() => {
            // a failed re-read (database hiccup) keeps the stream; the next heartbeat tries again
          })
          .finally(() => {
            reloading = null;
          }));

      const sub: Subscriber = {
        actor: options.actor,
        send: (id: string, change: Change) => write(frame({ id, data: publicChange(change) })),
        recheck: () => void reload(),
        reset: (id, reason) => write(frame({ id, event: "reset", data: { reason } })),
      };
      const subscription = subscribe(sub, options.lastEventId);
      unsubscribe = subscription.unsubscribe;

      write("retry: 2000\n\n");
      if (subscription.replay === "reset") {
        write(frame({ id: headId(), event: "reset", data: { reason: "too-old" } }));
      } else {
        for (const { id, change } of subscription.replay) sub.send(id, change);
        write(frame({ id: headId(), event: "ready", data: {} }));
      }

      timer = setInterval(() => {
        write(": ping\n\n");
        void reload();
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      options.signal?.addEventListener("abort", finish);
      if (options.signal?.aborted) finish();
      cleanup = finish;
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
