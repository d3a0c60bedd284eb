import { sseEvents } from "./stream-helpers.mjs";

/**
 * A live-stream client for the fault script: GET /api/v1/live with a token, reconnecting after
 * the stream ends or breaks, each time with `Last-Event-ID` of the last event it received (as a
 * browser's EventSource does). Keeps every event and every (re)connection's status.
 */
export function liveClient(base, token) {
  const events = []; // { id, event, data, at }
  const connections = []; // { status, at, lastEventId }
  let lastId = null;
  let closed = false;
  let abort;

  async function once() {
    abort = new AbortController();
    const headers = { authorization: `Bearer ${token}`, ...(lastId ? { "last-event-id": lastId } : {}) };
    const res = await fetch(`${base}/api/v1/live`, { headers, signal: abort.signal });
    connections.push({ status: res.status, at: performance.now(), lastEventId: lastId, retryAfter: res.headers.get("retry-after") });
    if (res.status !== 200) {
      await res.text().catch(() => {});
      return;
    }
    for await (const e of sseEvents(res.body)) {
      if (e.id) lastId = e.id;
      events.push(e);
    }
  }

  const running = (async () => {
    while (!closed) {
      try {
        await once();
      } catch {
        // the connection broke (server killed, aborted): reconnect below
      }
      if (!closed) await new Promise((r) => setTimeout(r, 1000)); // EventSource's default retry
    }
  })();

  return {
    events,
    connections,
    lastId: () => lastId,
    /** Resolves with the first event matching `predicate` (received from now or before), or null after `ms`. */
    waitFor: async (predicate, ms) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        const found = events.find(predicate);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    },
    /** Drops the current connection (the client reconnects with Last-Event-ID). */
    drop: () => abort?.abort(),
    close: async () => {
      closed = true;
      abort?.abort();
      await running;
    },
  };
}
