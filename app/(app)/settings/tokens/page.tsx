import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { tokenRows } from "@/components/settings/token-rows";
import { TokensTable } from "@/components/settings/tokens-table";
import { PageHeader } from "@/components/ui/page-header";
import { apiTokenMaxDays, listPersonalTokens } from "@/lib/api/tokens";
import { requireActor } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requireActor();
  guard(actor, "token.manage");
  const timeZone = actor.siteTimezone ?? "UTC";
  const rows = tokenRows(await listPersonalTokens(actor), timeZone);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="A personal token lets a script or integration use the TrialDesk API as you — with your role and access, nothing more. Anyone who holds it can act as you, so treat it like a password and revoke it when it is no longer needed."
      />
      <div className="space-y-6">
        <section aria-labelledby="new-token" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-token" className="mb-3 text-sm font-semibold text-slate-900">
            New token
          </h2>
          <CreateTokenForm action={createTokenAction} maxDays={apiTokenMaxDays()} />
        </section>
        <section aria-labelledby="your-tokens" className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="your-tokens" className="text-sm font-semibold text-slate-900">
              Your tokens
            </h2>
            <p className="text-xs text-slate-600">Times are {timeZone}. “Last used” is updated about every 30 seconds.</p>
          </div>
          <TokensTable rows={rows} revokeAction={revokeTokenAction} />
          <p className="text-xs text-slate-600">
            The API is described at{" "}
            <a href="/api/v1/openapi.json" className="text-brand-700 underline underline-offset-2">
              /api/v1/openapi.json
            </a>
            .
          </p>
        </section>
      </div>
    </>
  );
}
