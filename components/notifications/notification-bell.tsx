"use client";

/**
 * The header's bell: how many of the person's notifications are unread, linking to the inbox.
 * The layout renders it with the count; it then follows the live stream (one per tab, shared with
 * the page: components/live/live-connection.ts) and, when one of the person's notifications is
 * created or changes — or the stream may have missed some (`reset`) — asks the server again.
 * A re-render of the layout (after marking read, a refresh) brings a fresh count too.
 */
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { subscribeLive } from "@/components/live/live-connection";

const DEBOUNCE_MS = 250;

export function unreadLabel(unread: number): string {
  return unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
}

export function NotificationBell({ unread: rendered, countUnread }: { unread: number; countUnread: () => Promise<number> }) {
  const [unread, setUnread] = useState(rendered);
  // A new count from the server render wins (the layout re-rendered after a change).
  const [lastRendered, setLastRendered] = useState(rendered);
  if (rendered !== lastRendered) {
    setLastRendered(rendered);
    setUnread(rendered);
  }
  const ask = useRef(countUnread);
  useEffect(() => {
    ask.current = countUnread;
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    const refetch = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const asked = ++latest;
        try {
          const count = await ask.current();
          if (asked === latest) setUnread(count);
        } catch {
          // Signed out or offline: keep the last count; the next navigation tells the rest.
        }
      }, DEBOUNCE_MS);
    };
    const unsubscribe = subscribeLive({
      change: (change) => {
        if (change.entity === "notification") refetch();
      },
      reset: refetch,
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);

  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link
      href="/notifications"
      aria-label={unreadLabel(unread)}
      title={unreadLabel(unread)}
      data-testid="notification-bell"
      data-unread={unread}
      className="relative inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute -right-1 -top-1 min-w-[1.125rem] rounded-full bg-red-700 px-1 text-center text-[0.6875rem] font-semibold leading-[1.125rem] text-white"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}
