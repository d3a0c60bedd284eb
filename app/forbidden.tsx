import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="mt-1 text-xl font-semibold">Not available to your role</h1>
      <p className="mt-2 text-sm text-slate-600">Your account does not give access to this page.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
        Go to your home page
      </Link>
    </main>
  );
}
