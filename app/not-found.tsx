import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-1 text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        This page or record does not exist, or it belongs to another site.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
        Go to your home page
      </Link>
    </main>
  );
}
