"use client";

// Unexpected errors: a calm message, never a stack trace (the server log has the details).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">Nothing was changed. Please try again.</p>
      <button onClick={reset} className="mt-6 rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}
