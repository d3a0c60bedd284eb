import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignupPage() {
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Create an account</h1>
      <p className="mb-4 text-sm text-slate-600">An administrator approves new accounts before they can see study data.</p>
      <SignupForm />
      <p className="mt-5 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </>
  );
}
