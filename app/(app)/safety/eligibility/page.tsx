import type { Metadata } from "next";
import Link from "next/link";
import { EligibilityTable } from "@/components/safety/eligibility-table";
import { SafetyTabs } from "@/components/safety/safety-tabs";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar } from "@/components/ui/list/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireActor, sessionHasSignedAlready } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { listHref, parseList, type SearchParams } from "@/lib/list/params";
import { eligibilitySpec, listEligibilityToConfirm } from "@/lib/safety/queries";
import { listStudyOptions } from "@/lib/studies/options";
import { signEligibilityAction } from "../actions";

export const metadata: Metadata = { title: "Eligibility sign-off" };

const PATH = "/safety/eligibility";

export default async function EligibilityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "screening.signEligibility");
  const params = await searchParams;
  const state = parseList(params, eligibilitySpec);
  const [page, studies] = await Promise.all([listEligibilityToConfirm(actor, state), listStudyOptions(actor)]);
  return (
    <>
      <PageHeader title="Eligibility sign-off" description="Passed screenings whose eligibility no investigator has confirmed yet, oldest first."
        actions={<ExportLink href={listHref(`${PATH}/export`, params, {})} />}
      />
      <SafetyTabs current="eligibility" />
      <FilterBar
        action={PATH}
        clearHref={PATH}
        fields={[{ kind: "select", name: "studyId", label: "Study", options: studies.map((s) => ({ value: s.value, label: s.protocolId })), value: state.filters.studyId }]}
      />
      <EligibilityTable
        rows={page.rows}
        signer={actor.displayName}
        askUsername={!(await sessionHasSignedAlready())}
        sign={signEligibilityAction}
        empty={
          <>
            No passed screening awaits your sign-off. Screenings are recorded in the{" "}
            <Link href="/screening" className="text-brand-700 underline underline-offset-2">
              screening queue
            </Link>
            .
          </>
        }
      />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={(p) => listHref(PATH, params, { page: p })} />
    </>
  );
}
