"use client";

/**
 * One connection to GET /api/v1/live per browser tab, shared by everything on the page that wants
 * live changes (the page's LiveRefresh, the header's notification bell). Browsers allow about six
 * HTTP/1.1 connections per host: one stream per component would let a few open tabs starve every
 * other request.
 *
 * The stream opens with the first subscriber and closes after the last leaves, remembering the last
 * event id, so a page navigation (one subscriber unmounts, the next mounts) resumes where it was.
 * It reconnects with backoff, resuming after the last event it saw; when the server cannot replay
 * what was missed it sends `reset`, and subscribers refetch.
 */

export type LiveEntity = "subject" | "screening" | "visit" | "adverse_event" | "subject_note" | "study" | "user" | "site" | "task" | "notification";
export type LiveChange = { type: string; entity: LiveEntity; id: string; studyId: string | null; subjectId: string | null; at: string };
export type LiveStatus = "connecting" | "live" | "reconnecting" | "off";

export type LiveSubscriber = {
  change?: (change: LiveChange) => void;
  /** Changes may have been missed: refetch what is shown. */
  reset?: () => void;
  /** The connection's state, and a sentence for screen readers when it pauses or resumes. */
  status?: (status: LiveStatus, announcement?: string) => void;
};

const MAX_BACKOFF_MS = 30_000;
/** Grace before closing after the last subscriber leaves: a navigation remounts within it. */
const LINGER_MS = 2_000;

const subscribers = new Set<LiveSubscriber>();
let source: EventSource | null = null;
let status: LiveStatus = "connecting";
let lastEventId = "";
let attempt = 0;
let wasLive = false;
let ended = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let lingerTimer: ReturnType<typeof setTimeout> | undefined;

function setStatus(next: LiveStatus, announcement?: string) {
  status = next;
  for (const s of subscribers) s.status?.(next, announcement);
}

function remember(event: MessageEvent) {
  if (event.lastEventId) lastEventId = event.lastEventId;
}

function connect() {
  if (ended || source || subscribers.size === 0) return;
  const url = lastEventId ? `/api/v1/live?lastEventId=${encodeURIComponent(lastEventId)}` : "/api/v1/live";
  const es = new EventSource(url);
  source = es;
  es.addEventListener("ready", (event) => {
    remember(event as MessageEvent);
    attempt = 0;
    const resumed = wasLive;
    wasLive = true;
    setStatus("live", resumed ? "Live updates resumed." : undefined);
  });
  es.addEventListener("reset", (event) => {
    remember(event as MessageEvent);
    attempt = 0;
    wasLive = true;
    setStatus("live");
    for (const s of subscribers) s.reset?.();
  });
  es.addEventListener("end", () => {
    // The account may no longer listen (disabled, signed out): stop; the next navigation says why.
    ended = true;
    close();
    setStatus("off");
  });
  es.onmessage = (event) => {
    remember(event);
    let change: LiveChange;
    try {
      change = JSON.parse(event.data) as LiveChange;
    } catch {
      return; // not a change we understand
    }
    for (const s of subscribers) s.change?.(change);
  };
  es.onerror = () => {
    // Take over from EventSource's own retry, to back off and to resume after lastEventId.
    close();
    if (ended || subscribers.size === 0) return;
    setStatus("reconnecting", wasLive ? "Live updates paused; reconnecting…" : undefined);
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    retryTimer = setTimeout(connect, delay);
  };
}

function close() {
  clearTimeout(retryTimer);
  source?.close();
  source = null;
}

/** Listen to live changes; returns the unsubscribe. The subscriber hears the current status at once. */
export function subscribeLive(subscriber: LiveSubscriber): () => void {
  subscribers.add(subscriber);
  clearTimeout(lingerTimer);
  subscriber.status?.(status);
  connect();
  return () => {
    subscribers.delete(subscriber);
    if (subscribers.size > 0) return;
    clearTimeout(lingerTimer);
    lingerTimer = setTimeout(() => {
      if (subscribers.size > 0) return;
      close();
      status = "connecting";
      wasLive = false;
    }, LINGER_MS);
  };
}
