import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { listSites, listUsers } from "@/lib/users/admin";
import { lockedUserIds } from "@/lib/users/unlock";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Users" };

const FILTERS = [
  { value: "", label: "All" },
  { value: "pending", label: "Pending" },
  { value: "active", label: "Active" },
  { value: "disabled", label: "Disabled" },
];

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ page?: string; status?: string }> }) {
  const actor = await requireActor();
  guard(actor, "user.manage");
  const params = await searchParams;
  const status = params.status ?? "";
  const [{ rows, page, pageCount, total }, sites] = await Promise.all([
    listUsers(actor, { page: Number(params.page) || 1, status }),
    listSites(actor),
  ]);
  const locked = await lockedUserIds(actor, rows);
  const href = (p: { page?: number; status?: string }) => {
    const q = new URLSearchParams();
    const s = p.status ?? status;
    if (s) q.set("status", s);
    if (p.page && p.page > 1) q.set("page", String(p.page));
    const qs = q.toString();
    return `/admin/users${qs ? `?${qs}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Users"
        description="New sign-ups wait here until you give them a role and a site. Changes take effect on the person's next click."
      />
      <nav aria-label="Filter by status" className="mb-3 flex gap-1 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={href({ status: f.value, page: 1 })}
            aria-current={status === f.value ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 ${status === f.value ? "bg-brand-50 font-medium text-brand-800 ring-1 ring-brand-100" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <UsersTable rows={rows} sites={sites} selfId={actor.id} lockedIds={[...locked]} />
      <Pagination page={page} pageCount={pageCount} total={total} hrefFor={(p) => href({ page: p })} />
    </>
  );
}
