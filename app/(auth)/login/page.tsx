import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DemoBanner } from "@/components/shell/demo-banner";
import { getActor } from "@/lib/auth/actor";
import { HOME_BY_ROLE } from "@/lib/policy";
import { safePath } from "@/lib/safe-path";
import { showDemoBanner } from "@/lib/seed/demo-banner";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reason?: string }>;
}) {
  const params = await searchParams;
  const actor = await getActor();
  // Only an active account skips the form; a disabled one must be able to see why it is here.
  if (actor?.status === "active") redirect(HOME_BY_ROLE[actor.role]);
  if (actor?.status === "pending") redirect("/pending");
  const demo = await showDemoBanner();
  return (
    <>
      {demo && (
        <div className="-mx-6 -mt-6 mb-4 overflow-hidden rounded-t-lg">
          <DemoBanner />
        </div>
      )}
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      {params.reason === "disabled" && (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your account has been disabled. Ask your administrator if you think this is a mistake.
        </p>
      )}
      {params.reason === "ended" && (
        <p role="status" data-testid="session-ended" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your session has ended: it was idle for too long, reached its 12-hour limit, or your password or account changed. Please
          sign in again.
        </p>
      )}
      <LoginForm callbackUrl={safePath(params.callbackUrl, "")} />
      <p className="mt-5 text-center text-sm text-slate-600">
        New to TrialDesk?{" "}
        <Link href="/signup" className="font-medium text-brand-700 underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </>
  );
}
