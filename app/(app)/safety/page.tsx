import type { Metadata } from "next";
import Link from "next/link";
import { SafetyQueue } from "@/components/safety/safety-queue";
import { SafetyTabs } from "@/components/safety/safety-tabs";
import { humanize } from "@/components/ui/badge";
import { ExportLink } from "@/components/ui/list/export-link";
import { FilterBar } from "@/components/ui/list/filter-bar";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AE_OUTCOMES, CAUSALITIES, EXPECTEDNESS } from "@/domain/vocabulary";
import { GRADE_OPTIONS } from "@/lib/adverse-events/labels";
import { requireActor, sessionHasSignedAlready } from "@/lib/auth/actor";
import { guard } from "@/lib/auth/page-guard";
import { listHref, parseList, type SearchParams } from "@/lib/list/params";
import { sortHrefs } from "@/lib/list/sort-hrefs";
import { can } from "@/lib/policy";
import { listSafetyQueue, SAFETY_SORTABLE, safetyQueueSpec } from "@/lib/safety/queries";
import { listStudyOptions } from "@/lib/studies/options";
import { assessAction, notifySponsorAction, signAeAction } from "./actions";

export const metadata: Metadata = { title: "Safety review" };

const PATH = "/safety";
const options = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));

export default async function SafetyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  guard(actor, "ae.assess");
  const params = await searchParams;
  const state = parseList(params, safetyQueueSpec);
  const [page, studies] = await Promise.all([listSafetyQueue(actor, state), listStudyOptions(actor)]);
  const f = state.filters;
  const filtered = Object.values(f).some((v) => v !== undefined);
  return (
    <>
      <PageHeader
        title="Safety review"
        description={`Adverse events not yet assessed, or not (or no longer) signed — serious first, oldest awareness first. Times are site time (${actor.siteTimezone ?? "UTC"}).`}
        actions={
          <div className="flex items-center gap-3">
            <LiveRefresh entities={["adverse_event", "subject"]} />
            <ExportLink href={listHref(`${PATH}/export`, params, {})} />
          </div>
        }
      />
      <SafetyTabs current="aes" />
      <FilterBar
        action={PATH}
        keep={{ sort: typeof params.sort === "string" ? params.sort : undefined }}
        clearHref={PATH}
        fields={[
          { kind: "select", name: "studyId", label: "Study", options: studies.map((s) => ({ value: s.value, label: s.protocolId })), value: f.studyId },
          { kind: "select", name: "serious", label: "Serious", options: [{ value: "true", label: "Serious only" }, { value: "false", label: "Not serious" }], value: f.serious },
        ]}
      />
      <SafetyQueue
        rows={page.rows}
        now={new Date().toISOString()}
        sorts={sortHrefs(PATH, params, state.sort, SAFETY_SORTABLE)}
        signer={actor.displayName}
        askUsername={!(await sessionHasSignedAlready())}
        mayReview={can(actor, "ae.assess", { siteId: actor.siteId })}
        mayNotify={can(actor, "ae.notifySponsor", { siteId: actor.siteId })}
        options={{ causality: options(CAUSALITIES), expectedness: options(EXPECTEDNESS), grade: GRADE_OPTIONS, outcome: options(AE_OUTCOMES) }}
        actions={{ assess: assessAction, sign: signAeAction, notify: notifySponsorAction }}
        empty={
          filtered ? (
            <>
              Nothing awaits review under these filters.{" "}
              <Link href={PATH} className="text-brand-700 underline underline-offset-2">
                Clear the filters
              </Link>
              .
            </>
          ) : (
            <>
              Every adverse event at your site is assessed and signed. New reports appear here; see all of them in{" "}
              <Link href="/adverse-events" className="text-brand-700 underline underline-offset-2">
                Adverse events
              </Link>
              .
            </>
          )
        }
      />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={(p) => listHref(PATH, params, { page: p })} />
    </>
  );
}
