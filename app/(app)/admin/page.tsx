import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Admin" };

const SECTIONS = [
  { href: "/admin/users", title: "Users", text: "Approve sign-ups, set role and site, disable accounts, reset passwords.", ready: true },
  { href: "/admin/sites", title: "Sites", text: "Site names and time zones.", ready: true },
  { href: "/admin/studies", title: "Studies", text: "Protocols, principal investigators, visit schedules and sponsor access.", ready: true },
  { href: "/admin/outbox", title: "Email outbox", text: "Emails sent, waiting or given up; retry the ones that failed.", ready: true },
];

export default async function AdminPage() {
  const actor = await requireActor();
  guard(actor, "user.manage");
  return (
    <>
      <PageHeader title="Admin" description="Study setup and accounts." />
      <ul className="grid gap-3 sm:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.title} className="rounded-lg border border-slate-200 bg-white p-4">
            {s.ready ? (
              <Link href={s.href} className="font-semibold text-brand-700 underline underline-offset-2">
                {s.title}
              </Link>
            ) : (
              <p className="font-semibold text-slate-800">
                {s.title} <span className="ml-1 text-xs font-normal text-slate-500">(coming soon)</span>
              </p>
            )}
            <p className="mt-1 text-sm text-slate-600">{s.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
