"use client";

/**
 * Page-level notices ("toasts") that outlive the form that raised them — e.g. an activated user's
 * row leaves the "pending" list, but the confirmation stays readable. Announced politely.
 */
import { createContext, useCallback, useContext, useState } from "react";

type Notice = { id: number; text: string };
const NoticeContext = createContext<(text: string) => void>(() => {});

export function useNotice() {
  return useContext(NoticeContext);
}

export function NoticeProvider({ children }: { children: React.ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback((text: string) => {
    const id = Date.now() + Math.random();
    setNotices((list) => [...list.slice(-2), { id, text }]);
    setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 8000);
  }, []);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-50 flex flex-col items-end gap-2">
        {notices.map((n) => (
          <p key={n.id} className="pointer-events-auto rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 shadow">
            {n.text}
          </p>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
