"use client";

/**
 * Keeps a page's server-rendered data current: listens to GET /api/v1/live (the web session
 * authenticates it; one connection per tab, shared with the header's bell: ./live-connection.ts),
 * and when a change of one of `entities` arrives — for a subject timeline, one of that subject's
 * records — re-renders the page's server components with router.refresh(). A refresh waits while a
 * dialog is open or a form field has focus. Bursts (enrolling a subject books many visits) are
 * debounced into one refresh. When the server cannot replay what was missed (`reset`) the page
 * simply refreshes.
 *
 * Shows a small "Live" badge; screen readers hear (politely) only when updates pause and resume.
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { subscribeLive, type LiveChange, type LiveEntity, type LiveStatus } from "./live-connection";

type Status = LiveStatus;

const DEBOUNCE_MS = 150;
const BUSY_RETRY_MS = 500;

/** A dialog is open, or the person is typing in a form: a refresh now could disrupt them. */
function busy(): boolean {
  if (document.querySelector("dialog[open]")) return true;
  const active = document.activeElement;
  return active instanceof HTMLElement && active.matches("input:not([type=hidden]), textarea, select") && active.closest("form") !== null;
}

export function LiveRefresh({
  entities,
  subject,
}: {
  entities: readonly LiveEntity[];
  /** A subject timeline: refresh for changes of this subject and of its records (visits, AEs, …). */
  subject?: { id: string };
}) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>("connecting");
  const [announcement, setAnnouncement] = useState("");
  // Read by the long-lived effect without re-subscribing on every render.
  const filter = useRef({ entities, subject });
  useEffect(() => {
    filter.current = { entities, subject };
  });
  const key = `${entities.join(",")}|${subject?.id ?? ""}`;

  useEffect(() => {
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(function apply() {
        // Never under someone's hands: a re-render can remount the row that holds an open
        // dialog (sign, assess) or the field being typed in. Wait until they are done.
        if (busy()) refreshTimer = setTimeout(apply, BUSY_RETRY_MS);
        else router.refresh();
      }, DEBOUNCE_MS);
    };
    const relevant = (change: LiveChange) => {
      const { entities: wanted, subject: s } = filter.current;
      if (!wanted.includes(change.entity)) return false;
      if (!s) return true;
      // Every change event names its subject (lib/write.ts); the subject's own id for a subject.
      return change.subjectId === s.id;
    };
    const unsubscribe = subscribeLive({
      change: (change) => {
        if (relevant(change)) refresh();
      },
      reset: refresh,
      status: (next, said) => {
        setStatus(next);
        if (said) setAnnouncement(said);
      },
    });
    return () => {
      unsubscribe();
      clearTimeout(refreshTimer);
    };
  }, [router, key]);

  const look: Record<Status, { text: string; dot: string; title: string }> = {
    connecting: { text: "Live", dot: "bg-slate-400", title: "Connecting to live updates…" },
    live: { text: "Live", dot: "bg-emerald-600", title: "This page updates itself when someone changes what it shows." },
    reconnecting: { text: "Reconnecting…", dot: "bg-amber-500", title: "Live updates paused; reconnecting." },
    off: { text: "Not live", dot: "bg-slate-400", title: "Live updates stopped; reload the page." },
  };
  const current = look[status];
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 print:hidden"
      title={current.title}
      data-testid="live-indicator"
      data-status={status}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${current.dot}`} />
      {current.text}
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </span>
  );
}
